package ru.esiaedu.registry.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.normalize.Names;
import ru.esiaedu.registry.school.Actor;
import ru.esiaedu.registry.school.ImportProgress;
import ru.esiaedu.registry.school.ImportReport;
import ru.esiaedu.registry.school.ImportRow;
import ru.esiaedu.registry.school.Kinship;
import ru.esiaedu.registry.school.StaffPosition;

/**
 * The bulk import over JDBC: reads the organisation once ({@link ImportSnapshot}), plans ({@link ImportPlan}) and,
 * unless it is a dry run, writes the plan in batches — JDBC batch statements, one transaction per
 * {@value #BATCH} accounts, each account's audit rows in its batch's transaction. A batch that fails is rolled back
 * whole; the batches before it stay, and running the same file again completes the import (it is keyed by the
 * school's person id, so what was written is UNCHANGED the second time).
 */
final class JdbcImport {

    static final int BATCH = 1000;
    static final int ROWS_MAX = 200_000;

    private static final Logger LOG = Logger.getLogger(JdbcImport.class);

    private final JdbcSchoolRegistryProvider.DatabaseSupplier database;
    private final CardValues values;
    private final ChangeAudit audit;

    JdbcImport(JdbcSchoolRegistryProvider.DatabaseSupplier database, CardValues values, ChangeAudit audit) {
        this.database = database;
        this.values = values;
        this.audit = audit;
    }

    ImportReport importPeople(Actor actor, String organisationId, List<ImportRow> rows, boolean dryRun,
            ImportProgress progress) throws RegistryUnavailableException {
        ChangeAudit.checkActor(actor);
        Objects.requireNonNull(rows, "rows");
        if (rows.size() > ROWS_MAX) {
            throw new IllegalArgumentException("import: more than " + ROWS_MAX + " rows");
        }
        ImportProgress told = progress == null ? ImportProgress.NONE : progress;
        ImportSnapshot snapshot = Transactions.read(database, "read organisation for import", (c, db) -> {
            if (!organisationExists(c, db, organisationId)) {
                return null;
            }
            return snapshot(c, db, organisationId);
        });
        if (snapshot == null) {
            throw new IllegalArgumentException("import: unknown organisation");
        }
        ImportPlan plan = ImportPlan.of(organisationId, rows, snapshot, values);
        if (dryRun) {
            told.rowsDone(rows.size(), rows.size());
            return report(false, plan);
        }
        apply(actor, organisationId, plan, rows.size(), told);
        LOG.infof("school registry: import applied: %d created, %d updated, %d unchanged, %d rows refused",
                plan.created, plan.updated, plan.unchanged, plan.problems.size());
        return report(true, plan);
    }

    private static ImportReport report(boolean applied, ImportPlan plan) {
        return new ImportReport(applied, plan.created, plan.updated, plan.unchanged, plan.changes, plan.problems,
                List.copyOf(plan.newClasses.values()));
    }

    /**
     * A statement of the import: a batch of a thousand rows, or the read of a whole organisation, may take longer than
     * a login's lookup, so it gets four times the configured query timeout — still below the PostgreSQL socket
     * timeout (four times plus five seconds), so a hung server is still noticed.
     */
    static PreparedStatement bulk(Connection c, RegistryDatabase db, String sql) throws SQLException {
        return longer(c.prepareStatement(sql), db);
    }

    static PreparedStatement longer(PreparedStatement s, RegistryDatabase db) throws SQLException {
        s.setQueryTimeout(db.config().queryTimeoutSeconds() * 4);
        return s;
    }

    // --- reading ---------------------------------------------------------------------------------------------------

    private static boolean organisationExists(Connection c, RegistryDatabase db, String organisationId)
            throws SQLException {
        if (JdbcRoster.blank(organisationId)) {
            return false;
        }
        try (PreparedStatement s = bulk(c, db, "SELECT id FROM sr_organisation WHERE id = ?")) {
            s.setString(1, organisationId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static ImportSnapshot snapshot(Connection c, RegistryDatabase db, String org) throws SQLException {
        ImportSnapshot snapshot = new ImportSnapshot();
        try (PreparedStatement s = bulk(c, db, "SELECT id, name FROM sr_class WHERE organisation_id = ?")) {
            s.setString(1, org);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    snapshot.classIds.putIfAbsent(ImportSnapshot.classKey(r.getString(2)), r.getString(1));
                    snapshot.classNames.put(r.getString(1), r.getString(2));
                }
            }
        }
        Map<String, List<CardValues.Contact>> phones = contacts(c, db, org, "sr_account_phone", "phone");
        Map<String, List<CardValues.Contact>> emails = contacts(c, db, org, "sr_account_email", "email");
        Map<String, String> personIds = new HashMap<>();
        try (PreparedStatement s = bulk(c, db, "SELECT id, account_role, school_person_id, last_name, first_name,"
                + " middle_name, birth_date, snils, class_id FROM sr_account WHERE organisation_id = ?"
                + " AND school_person_id IS NOT NULL")) {
            s.setString(1, org);
            s.setFetchSize(BATCH);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString(1);
                    Date birth = r.getDate(7);
                    snapshot.people.put(r.getString(3), new ImportSnapshot.Person(id,
                            RegistryRole.valueOf(r.getString(2)), r.getString(4), r.getString(5), r.getString(6),
                            birth == null ? null : birth.toLocalDate(), r.getString(8), r.getString(9),
                            phones.getOrDefault(id, List.of()), emails.getOrDefault(id, List.of())));
                    personIds.put(id, r.getString(3));
                }
            }
        }
        try (PreparedStatement s = bulk(c, db, "SELECT ps.parent_account_id, ps.student_account_id, ps.kinship"
                + " FROM sr_parent_student ps JOIN sr_account p ON p.id = ps.parent_account_id"
                + " WHERE p.organisation_id = ? AND p.school_person_id IS NOT NULL")) {
            s.setString(1, org);
            s.setFetchSize(BATCH);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    snapshot.links.put(new ImportSnapshot.Link(r.getString(1), r.getString(2)),
                            Kinship.valueOf(r.getString(3)));
                }
            }
        }
        try (PreparedStatement s = bulk(c, db, "SELECT staff_account_id, position, class_id FROM sr_staff_position"
                + " WHERE organisation_id = ?")) {
            s.setString(1, org);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    snapshot.positions.add(new ImportSnapshot.Position(r.getString(1),
                            StaffPosition.valueOf(r.getString(2)), r.getString(3)));
                }
            }
        }
        return snapshot;
    }

    private static Map<String, List<CardValues.Contact>> contacts(Connection c, RegistryDatabase db, String org,
            String table, String column) throws SQLException {
        Map<String, List<CardValues.Contact>> result = new HashMap<>();
        try (PreparedStatement s = bulk(c, db, "SELECT t.account_id, t." + column + ", t." + column + "_entered FROM "
                + table + " t JOIN sr_account a ON a.id = t.account_id WHERE a.organisation_id = ?"
                + " AND a.school_person_id IS NOT NULL ORDER BY t.account_id, t.entry_order, t." + column)) {
            s.setString(1, org);
            s.setFetchSize(BATCH);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add(new CardValues.Contact(r.getString(2), r.getString(3)));
                }
            }
        }
        return result;
    }

    // --- writing ---------------------------------------------------------------------------------------------------

    private void apply(Actor actor, String org, ImportPlan plan, int total, ImportProgress progress)
            throws RegistryUnavailableException {
        if (!plan.newClasses.isEmpty()) {
            Transactions.write(database, "import classes", (c, db) -> {
                try (PreparedStatement s = bulk(c, db,
                        "INSERT INTO sr_class (id, organisation_id, name) VALUES (?, ?, ?)")) {
                    for (Map.Entry<String, String> e : plan.newClasses.entrySet()) {
                        s.setString(1, e.getKey());
                        s.setString(2, org);
                        s.setString(3, e.getValue());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                return null;
            });
        }
        List<ImportPlan.Person> toWrite = plan.people.stream().filter(ImportPlan::rowChanged).toList();
        int done = total - toWrite.size();
        progress.rowsDone(done, total);
        for (int from = 0; from < toWrite.size(); from += BATCH) {
            List<ImportPlan.Person> batch = toWrite.subList(from, Math.min(toWrite.size(), from + BATCH));
            Transactions.write(database, "import accounts", (c, db) -> {
                writeAccounts(c, db, actor, org, batch);
                return null;
            });
            done += batch.size();
            progress.rowsDone(done, total);
        }
        for (int from = 0; from < plan.links.size(); from += BATCH) {
            List<ImportPlan.NewLink> batch = plan.links.subList(from, Math.min(plan.links.size(), from + BATCH));
            Transactions.write(database, "import parent links", (c, db) -> {
                writeLinks(c, db, actor, org, batch);
                return null;
            });
        }
        if (!plan.positions.isEmpty()) {
            Transactions.write(database, "import staff positions", (c, db) -> {
                writePositions(c, db, actor, org, plan.positions);
                return null;
            });
        }
    }

    private void writeAccounts(Connection c, RegistryDatabase db, Actor actor, String org,
            List<ImportPlan.Person> batch) throws SQLException {
        Timestamp now = Timestamp.valueOf(audit.now());
        try (PreparedStatement insert = bulk(c, db, "INSERT INTO sr_account (id, account_role, organisation_id,"
                + " class_id, last_name, first_name, middle_name, last_name_norm, first_name_norm, middle_name_norm,"
                + " birth_date, snils, school_person_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = bulk(c, db, "UPDATE sr_account SET class_id = ?, last_name = ?,"
                     + " first_name = ?, middle_name = ?, last_name_norm = ?, first_name_norm = ?, middle_name_norm = ?,"
                     + " birth_date = ?, snils = ? WHERE id = ? AND organisation_id = ?");
             PreparedStatement deletePhones = bulk(c, db, "DELETE FROM sr_account_phone WHERE account_id = ?");
             PreparedStatement deleteEmails = bulk(c, db, "DELETE FROM sr_account_email WHERE account_id = ?");
             PreparedStatement phones = bulk(c, db, "INSERT INTO sr_account_phone (account_id, phone, phone_entered,"
                     + " entry_order) VALUES (?, ?, ?, ?)");
             PreparedStatement emails = bulk(c, db, "INSERT INTO sr_account_email (account_id, email, email_entered,"
                     + " entry_order) VALUES (?, ?, ?, ?)");
             PreparedStatement audits = longer(audit.batch(c, db), db)) {
            boolean inserts = false;
            boolean updates = false;
            boolean phoneDeletes = false;
            boolean emailDeletes = false;
            for (ImportPlan.Person p : batch) {
                if (p.create) {
                    insert.setString(1, p.accountId);
                    insert.setString(2, p.role.name());
                    insert.setString(3, org);
                    insert.setString(4, p.classId);
                    insert.setString(5, p.lastName);
                    insert.setString(6, p.firstName);
                    insert.setString(7, p.middleName);
                    insert.setString(8, Names.normalize(p.lastName));
                    insert.setString(9, Names.normalize(p.firstName));
                    insert.setString(10, Names.normalize(p.middleName));
                    setDate(insert, 11, p);
                    insert.setString(12, p.snils);
                    insert.setString(13, p.personId);
                    insert.setTimestamp(14, now);
                    insert.addBatch();
                    inserts = true;
                    audit.add(audits, actor, org, p.accountId, ChangeAudit.CREATED, null, "import " + p.role.name());
                } else {
                    update.setString(1, p.classId);
                    update.setString(2, p.lastName);
                    update.setString(3, p.firstName);
                    update.setString(4, p.middleName);
                    update.setString(5, Names.normalize(p.lastName));
                    update.setString(6, Names.normalize(p.firstName));
                    update.setString(7, Names.normalize(p.middleName));
                    setDate(update, 8, p);
                    update.setString(9, p.snils);
                    update.setString(10, p.accountId);
                    update.setString(11, org);
                    update.addBatch();
                    updates = true;
                    for (Map.Entry<String, String[]> e : p.changes.entrySet()) {
                        audit.add(audits, actor, org, p.accountId, e.getKey(), e.getValue()[0], e.getValue()[1]);
                    }
                    if (p.phonesChanged) {
                        deletePhones.setString(1, p.accountId);
                        deletePhones.addBatch();
                        phoneDeletes = true;
                    }
                    if (p.emailsChanged) {
                        deleteEmails.setString(1, p.accountId);
                        deleteEmails.addBatch();
                        emailDeletes = true;
                    }
                }
            }
            if (inserts) {
                insert.executeBatch();
            }
            if (updates) {
                update.executeBatch();
            }
            if (phoneDeletes) {
                deletePhones.executeBatch();
            }
            if (emailDeletes) {
                deleteEmails.executeBatch();
            }
            boolean anyPhone = false;
            boolean anyEmail = false;
            for (ImportPlan.Person p : batch) {
                if (p.create || p.phonesChanged) {
                    anyPhone |= addContacts(phones, p.accountId, p.phones);
                }
                if (p.create || p.emailsChanged) {
                    anyEmail |= addContacts(emails, p.accountId, p.emails);
                }
            }
            if (anyPhone) {
                phones.executeBatch();
            }
            if (anyEmail) {
                emails.executeBatch();
            }
            audits.executeBatch();
        }
    }

    private static void setDate(PreparedStatement s, int index, ImportPlan.Person p) throws SQLException {
        if (p.birthDate == null) {
            s.setNull(index, Types.DATE);
        } else {
            s.setDate(index, Date.valueOf(p.birthDate));
        }
    }

    private static boolean addContacts(PreparedStatement s, String accountId, List<CardValues.Contact> contacts)
            throws SQLException {
        int order = 0;
        for (CardValues.Contact contact : contacts) {
            s.setString(1, accountId);
            s.setString(2, contact.normalised());
            s.setString(3, contact.entered());
            s.setInt(4, order++);
            s.addBatch();
        }
        return !contacts.isEmpty();
    }

    private void writeLinks(Connection c, RegistryDatabase db, Actor actor, String org, List<ImportPlan.NewLink> batch)
            throws SQLException {
        try (PreparedStatement insert = bulk(c, db, "INSERT INTO sr_parent_student (parent_account_id,"
                + " student_account_id, kinship) VALUES (?, ?, ?)");
             PreparedStatement kinship = bulk(c, db, "UPDATE sr_parent_student SET kinship = ?"
                     + " WHERE parent_account_id = ? AND student_account_id = ?");
             PreparedStatement audits = longer(audit.batch(c, db), db)) {
            boolean inserts = false;
            boolean updates = false;
            for (ImportPlan.NewLink link : batch) {
                if (link.kinshipOnly()) {
                    kinship.setString(1, link.kinship().name());
                    kinship.setString(2, link.parentAccountId());
                    kinship.setString(3, link.studentAccountId());
                    kinship.addBatch();
                    updates = true;
                } else {
                    insert.setString(1, link.parentAccountId());
                    insert.setString(2, link.studentAccountId());
                    insert.setString(3, link.kinship().name());
                    insert.addBatch();
                    inserts = true;
                }
                audit.add(audits, actor, org, link.parentAccountId(), ChangeAudit.PARENT, null,
                        link.studentAccountId() + " " + link.kinship().name());
            }
            if (inserts) {
                insert.executeBatch();
            }
            if (updates) {
                kinship.executeBatch();
            }
            audits.executeBatch();
        }
    }

    private void writePositions(Connection c, RegistryDatabase db, Actor actor, String org,
            List<ImportPlan.NewPosition> positions) throws SQLException {
        try (PreparedStatement insert = bulk(c, db, "INSERT INTO sr_staff_position (staff_account_id,"
                + " organisation_id, position, class_id) VALUES (?, ?, ?, ?)");
             PreparedStatement audits = longer(audit.batch(c, db), db)) {
            for (ImportPlan.NewPosition p : positions) {
                insert.setString(1, p.staffAccountId());
                insert.setString(2, org);
                insert.setString(3, p.position().name());
                insert.setString(4, p.classId());
                insert.addBatch();
                audit.add(audits, actor, org, p.staffAccountId(), ChangeAudit.POSITION, null,
                        p.position().name() + (p.classId() == null ? "" : " " + p.classId()));
            }
            insert.executeBatch();
            audits.executeBatch();
        }
    }
}
