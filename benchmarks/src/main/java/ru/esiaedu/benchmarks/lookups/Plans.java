package ru.esiaedu.benchmarks.lookups;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import ru.esiaedu.benchmarks.lookups.Probes.Probe;
import ru.esiaedu.registry.normalize.Emails;
import ru.esiaedu.registry.normalize.Names;
import ru.esiaedu.registry.normalize.Phones;
import ru.esiaedu.registry.normalize.Snils;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statement each JDBC registry finder runs (the same text as
 * {@code ru.esiaedu.registry.jdbc.AccountLookup}: one statement selects the rule's accounts and, in the same round
 * trip, their phones, e-mails and documents), with one probe's values, so the report shows which index each uses.
 */
final class Plans {

    private static final int READ = 51;      // JdbcSchoolRegistryProvider.MAX_ACCOUNTS + 1, as in AccountLookup
    private static final String NO_ACCOUNT = ", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL";
    private static final String FOUND = "WITH found AS (SELECT a.id, a.account_role, a.organisation_id, o.org_type,"
            + " o.name AS org_name, o.municipality, c.name AS class_name, a.last_name, a.first_name, a.middle_name,"
            + " a.birth_date, a.snils, a.esia_oid FROM sr_account a JOIN sr_organisation o ON o.id = a.organisation_id"
            + " LEFT JOIN sr_class c ON c.id = a.class_id ";
    private static final String ROWS = " ORDER BY o.name, a.id FETCH FIRST " + READ + " ROWS ONLY)"
            + " SELECT 0 AS kind, id AS account_id, org_name AS k1, id AS k2, CAST(NULL AS VARCHAR(16)) AS k3,"
            + " account_role, organisation_id, org_type, municipality, class_name, last_name, first_name, middle_name,"
            + " birth_date, snils, esia_oid FROM found"
            + " UNION ALL SELECT 1, ph.account_id, ph.phone, NULL, NULL" + NO_ACCOUNT
            + " FROM sr_account_phone ph JOIN found f ON f.id = ph.account_id"
            + " UNION ALL SELECT 2, em.account_id, em.email, NULL, NULL" + NO_ACCOUNT
            + " FROM sr_account_email em JOIN found f ON f.id = em.account_id"
            + " UNION ALL SELECT 3, dc.account_id, dc.doc_type, dc.doc_number, dc.series" + NO_ACCOUNT
            + " FROM sr_account_document dc JOIN found f ON f.id = dc.account_id"
            + " ORDER BY kind, k1, k2";

    /** The phone and e-mail finders' conditions: their contact's cards of the role, at most {@link #READ}. */
    static final String BY_PHONE = "WHERE a.id IN (SELECT p.account_id FROM sr_account_phone p JOIN sr_account r"
            + " ON r.id = p.account_id WHERE r.account_role = ? AND p.phone = ? FETCH FIRST " + READ + " ROWS ONLY)";
    static final String BY_EMAIL = "WHERE a.id IN (SELECT e.account_id FROM sr_account_email e JOIN sr_account r"
            + " ON r.id = e.account_id WHERE r.account_role = ? AND e.email = ? FETCH FIRST " + READ + " ROWS ONLY)";

    private Plans() {
    }

    /** The lookup's whole statement for a finder's condition. */
    static String statement(String where) {
        return FOUND + where + ROWS;
    }

    /** The plan of the rule's statement. */
    static List<String> explain(Connection c, Rule rule, Probe p) throws SQLException {
        return switch (rule) {
            case SNILS -> run(c, "WHERE a.snils = ? AND a.account_role = ?",
                    Snils.normalize(p.value()).orElseThrow(), p.role().name());
            case PHONE -> run(c, BY_PHONE, p.role().name(), Phones.normalize(p.value()).orElseThrow());
            case EMAIL -> run(c, BY_EMAIL, p.role().name(), Emails.normalize(p.value()).orElseThrow());
            case NAME_BIRTH_DATE -> run(c, "WHERE a.account_role = ? AND a.last_name_norm = ?"
                    + " AND a.first_name_norm = ? AND a.birth_date = ?", p.role().name(),
                    Names.normalize(p.lastName()), Names.normalize(p.firstName()), Date.valueOf(p.birthDate()));
            case NAME_BIRTH_DATE_MIDDLE -> run(c, "WHERE a.account_role = ?"
                    + " AND a.last_name_norm = ? AND a.first_name_norm = ? AND a.birth_date = ?"
                    + " AND (a.middle_name_norm IS NULL OR a.middle_name_norm = ?)", p.role().name(),
                    Names.normalize(p.lastName()), Names.normalize(p.firstName()), Date.valueOf(p.birthDate()),
                    Names.normalize(p.middleName()));
            case LINKED -> run(c, "WHERE a.esia_oid = ?", p.value());
            case BY_ID -> run(c, "WHERE a.id = ?", p.value());
        };
    }

    /** The sum of the "Execution Time" lines of these plans, in nanoseconds. */
    static long executionNanos(List<String> plan) {
        double millis = 0;
        for (String line : plan) {
            if (line.startsWith("Execution Time: ")) {
                millis += Double.parseDouble(line.substring("Execution Time: ".length(), line.indexOf(" ms")));
            }
        }
        return Math.round(millis * 1e6);
    }

    private static List<String> run(Connection c, String where, Object... params) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + statement(where))) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lines.add(r.getString(1));
                }
            }
        }
        return lines;
    }
}
