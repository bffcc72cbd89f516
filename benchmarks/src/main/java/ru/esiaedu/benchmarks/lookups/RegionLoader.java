package ru.esiaedu.benchmarks.lookups;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import ru.esiaedu.benchmarks.matching.GeneratedDistrict;
import ru.esiaedu.registry.IdentityDocument;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.normalize.Names;

/**
 * Fills the registry's tables with a generated region, district by district (so the region is never in memory
 * whole), by PostgreSQL COPY: the rows the JDBC registry itself would write, with the *_norm columns normalised by the
 * registry's own {@link Names}. The secondary indexes are dropped during the load and built again from their own
 * definitions afterwards (building an index once is much faster than updating it ten million times), foreign keys are
 * not checked row by row (the generator's rows are consistent), then ANALYZE. Keeps a seeded sample of the ESIA
 * persons for the lookups.
 */
final class RegionLoader {

    static final int DISTRICT_PEOPLE = 100_000;
    /** Share of ESIA persons whose cards are already linked (they have logged in before: the profile refresh finds them). */
    private static final double LINKED = 0.7;
    private static final List<String> TABLES = List.of("sr_organisation", "sr_class", "sr_account", "sr_account_phone",
            "sr_account_email", "sr_account_document", "sr_parent_student");

    private final Connection connection;
    private final Random random;
    private final List<GeneratedDistrict.EsiaPerson> sample;
    private final int sampleSize;
    private long personsSeen;
    private final Map<String, Long> rows = new LinkedHashMap<>();

    RegionLoader(Connection connection, long seed, int sampleSize) {
        this.connection = connection;
        this.random = new Random(seed);
        this.sampleSize = sampleSize;
        this.sample = new ArrayList<>(sampleSize);
        TABLES.forEach(table -> rows.put(table, 0L));
    }

    /** Loads {@code people} people with cards (rounded up to whole districts of 100 000) and analyses the tables. */
    void load(int people, long seed) throws SQLException, IOException {
        List<String> indexes = dropSecondaryIndexes();
        try (Statement s = connection.createStatement()) {
            s.execute("SET session_replication_role = replica");   // no foreign-key triggers during the load
        }
        int districts = Math.max(1, (people + DISTRICT_PEOPLE - 1) / DISTRICT_PEOPLE);
        for (int d = 0; d < districts; d++) {
            int size = Math.min(DISTRICT_PEOPLE, people - d * DISTRICT_PEOPLE);
            GeneratedDistrict district = GeneratedDistrict.generate(seed + d, size, 2_000_000L + d * 400_000L);
            copy(district, "d" + d + "-");
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SET session_replication_role = DEFAULT");
            for (String index : indexes) {
                s.execute(index);
            }
            s.execute("ANALYZE");
        }
    }

    Map<String, Long> rows() {
        return rows;
    }

    List<GeneratedDistrict.EsiaPerson> sample() {
        return sample;
    }

    private List<String> dropSecondaryIndexes() throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema()"
                     + " AND i.tablename IN ('" + String.join("', '", TABLES) + "')"
                     + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)")) {
            while (r.next()) {
                names.add(r.getString(1));
                definitions.add(r.getString(2));
            }
        }
        try (Statement s = connection.createStatement()) {
            for (String name : names) {
                s.execute("DROP INDEX " + name);
            }
        }
        return definitions;
    }

    private void copy(GeneratedDistrict district, String prefix) throws SQLException, IOException {
        Map<String, String> oidOfCard = new HashMap<>();
        for (GeneratedDistrict.EsiaPerson person : district.esiaPersons()) {
            GeneratedDistrict.EsiaPerson prefixed = prefixed(person, prefix);
            if (random.nextDouble() < LINKED) {
                prefixed.cards().values().forEach(ids -> ids.forEach(id -> oidOfCard.put(id, prefixed.oid())));
            }
            keepInSample(prefixed);
        }
        StringBuilder organisations = new StringBuilder();
        district.organisations().forEach(o -> row(organisations, prefix + o.id(), o.type(), o.name(), o.municipality()));
        Set<String> classes = new LinkedHashSet<>();
        StringBuilder accounts = new StringBuilder();
        StringBuilder phones = new StringBuilder();
        StringBuilder emails = new StringBuilder();
        StringBuilder documents = new StringBuilder();
        for (RegistryAccount card : district.cards()) {
            String id = prefix + card.id();
            String organisation = prefix + card.organisation().id();
            String classId = card.className() == null ? null : organisation + ":" + card.className();
            if (classId != null) {
                classes.add(classId);
            }
            row(accounts, id, card.role().name(), organisation, classId, card.lastName(), card.firstName(),
                    card.middleName(), Names.normalize(card.lastName()), Names.normalize(card.firstName()),
                    Names.normalize(card.middleName()), card.birthDate() == null ? null : card.birthDate().toString(),
                    card.snils(), oidOfCard.get(id));
            int order = 0;
            for (String phone : new LinkedHashSet<>(card.phones())) {
                row(phones, id, phone, phone, Integer.toString(order++));
            }
            order = 0;
            for (String email : new LinkedHashSet<>(card.emails())) {
                row(emails, id, email, email, Integer.toString(order++));
            }
            Set<String> documentKeys = new LinkedHashSet<>();
            for (IdentityDocument document : card.documents()) {
                if (documentKeys.add(document.type() + "/" + document.number())) {
                    row(documents, id, document.type().name(), document.series(), document.number());
                }
            }
        }
        StringBuilder classRows = new StringBuilder();
        classes.forEach(c -> row(classRows, c, c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 1)));
        StringBuilder links = new StringBuilder();
        district.parentLinks().forEach(l -> row(links, prefix + l.parentCardId(), prefix + l.studentCardId(),
                l.kinship().name()));
        copy("sr_organisation (id, org_type, name, municipality)", organisations);
        copy("sr_class (id, organisation_id, name)", classRows);
        copy("sr_account (id, account_role, organisation_id, class_id, last_name, first_name, middle_name,"
                + " last_name_norm, first_name_norm, middle_name_norm, birth_date, snils, esia_oid)", accounts);
        copy("sr_account_phone (account_id, phone, phone_entered, entry_order)", phones);
        copy("sr_account_email (account_id, email, email_entered, entry_order)", emails);
        copy("sr_account_document (account_id, doc_type, series, doc_number)", documents);
        copy("sr_parent_student (parent_account_id, student_account_id, kinship)", links);
    }

    private static GeneratedDistrict.EsiaPerson prefixed(GeneratedDistrict.EsiaPerson p, String prefix) {
        Map<RegistryRole, List<String>> cards = new EnumMap<>(RegistryRole.class);
        p.cards().forEach((role, ids) -> cards.put(role, ids.stream().map(id -> prefix + id).toList()));
        return new GeneratedDistrict.EsiaPerson(prefix + p.oid(), p.lastName(), p.firstName(), p.middleName(),
                p.birthDate(), p.snils(), p.verifiedPhone(), p.verifiedEmail(), cards);
    }

    /** Reservoir sampling: every ESIA person of the region has the same chance to be looked up. */
    private void keepInSample(GeneratedDistrict.EsiaPerson person) {
        personsSeen++;
        if (sample.size() < sampleSize) {
            sample.add(person);
        } else {
            long slot = (long) (random.nextDouble() * personsSeen);
            if (slot < sampleSize) {
                sample.set((int) slot, person);
            }
        }
    }

    private void copy(String target, StringBuilder data) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long count = copy.copyIn("COPY " + target + " FROM STDIN", new StringReader(data.toString()));
        rows.merge(target.substring(0, target.indexOf(' ')), count, Long::sum);
    }

    /** One row in COPY's text format: tab-separated, \N for null. */
    private static void row(StringBuilder out, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            String value = values[i];
            if (value == null) {
                out.append("\\N");
                continue;
            }
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }
        out.append('\n');
    }
}
