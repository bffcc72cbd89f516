package ru.esiaedu.registry.jdbc;

import static ru.esiaedu.registry.jdbc.JdbcSchoolRegistryProvider.prepare;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.school.Actor;
import ru.esiaedu.registry.school.CardField;
import ru.esiaedu.registry.school.EditResult;
import ru.esiaedu.registry.school.FieldEdit;
import ru.esiaedu.registry.school.Kinship;
import ru.esiaedu.registry.school.PersonCard;

/**
 * The class page's edits: one field at a time, compare-and-set against the value the editor saw, checked and
 * normalised by {@link CardValues}, written with both the typed and the normalised form (the finders read the
 * latter, so the matcher finds the person right after the edit), audited in the same transaction.
 */
final class JdbcCardEdits {

    private static final Logger LOG = Logger.getLogger(JdbcCardEdits.class);

    private final JdbcSchoolRegistryProvider.DatabaseSupplier database;
    private final CardValues values;
    private final ChangeAudit audit;

    JdbcCardEdits(JdbcSchoolRegistryProvider.DatabaseSupplier database, CardValues values, ChangeAudit audit) {
        this.database = database;
        this.values = values;
        this.audit = audit;
    }

    EditResult edit(Actor actor, String organisationId, FieldEdit edit) throws RegistryUnavailableException {
        ChangeAudit.checkActor(actor);
        Objects.requireNonNull(edit, "edit");
        Objects.requireNonNull(edit.field(), "field");
        if (JdbcRoster.blank(organisationId) || JdbcRoster.blank(edit.accountId())) {
            return new EditResult.Invalid("unknown_account");
        }
        CardValues.Outcome outcome = values.check(edit.field(), edit.value());
        if (!outcome.valid()) {
            return new EditResult.Invalid(outcome.reason());
        }
        CardValues.Checked value = outcome.value();
        String expected = edit.expected() == null ? "" : edit.expected().strip();
        return Transactions.write(database, "edit card", (c, db) -> {
            if (!lockAccount(c, db, organisationId, edit.accountId())) {
                return new EditResult.Invalid("unknown_account");
            }
            String current = current(c, db, organisationId, edit.accountId(), edit.field());
            if (!current.strip().equals(expected)) {
                LOG.debugf("school registry: edit of %s refused, changed meanwhile", edit.field());
                return new EditResult.Conflict(current);
            }
            String now = value.display();
            if (now.equals(current)) {
                return new EditResult.Saved(current);
            }
            store(c, db, edit.accountId(), value);
            audit.write(c, db, actor, organisationId, edit.accountId(), edit.field().name(), emptyToNull(current),
                    emptyToNull(now));
            LOG.debugf("school registry: card field %s saved", edit.field());
            return new EditResult.Saved(now);
        });
    }

    PersonCard addParent(Actor actor, String organisationId, String studentAccountId, Kinship kinship)
            throws RegistryUnavailableException {
        ChangeAudit.checkActor(actor);
        Objects.requireNonNull(kinship, "kinship");
        if (JdbcRoster.blank(organisationId) || JdbcRoster.blank(studentAccountId)) {
            throw new IllegalArgumentException("add parent: unknown student account");
        }
        return Transactions.write(database, "add parent", (c, db) -> {
            // the student's row is the lock: two staff pressing «Добавить мать» at once create one card
            try (PreparedStatement s = prepare(c, db, "SELECT id FROM sr_account WHERE id = ? AND organisation_id = ?"
                    + " AND account_role = 'STUDENT' FOR UPDATE")) {
                s.setString(1, studentAccountId);
                s.setString(2, organisationId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalArgumentException("add parent: unknown student account");
                    }
                }
            }
            try (PreparedStatement s = prepare(c, db, "SELECT ps.parent_account_id FROM sr_parent_student ps"
                    + " JOIN sr_account p ON p.id = ps.parent_account_id WHERE ps.student_account_id = ?"
                    + " AND ps.kinship = ? AND p.organisation_id = ? ORDER BY ps.parent_account_id")) {
                s.setString(1, studentAccountId);
                s.setString(2, kinship.name());
                s.setString(3, organisationId);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        String existing = r.getString(1);
                        return JdbcRoster.cards(c, db, organisationId, List.of(existing)).get(existing);
                    }
                }
            }
            String parentId = "acc-" + UUID.randomUUID();
            insertEmptyParent(c, db, organisationId, parentId);
            try (PreparedStatement s = prepare(c, db, "INSERT INTO sr_parent_student (parent_account_id,"
                    + " student_account_id, kinship) VALUES (?, ?, ?)")) {
                s.setString(1, parentId);
                s.setString(2, studentAccountId);
                s.setString(3, kinship.name());
                s.executeUpdate();
            }
            audit.write(c, db, actor, organisationId, parentId, ChangeAudit.CREATED, null, "PARENT " + kinship.name());
            audit.write(c, db, actor, organisationId, studentAccountId, ChangeAudit.PARENT, null,
                    parentId + " " + kinship.name());
            LOG.debug("school registry: an empty parent card was created");
            PersonCard card = JdbcRoster.cards(c, db, organisationId, List.of(parentId)).get(parentId);
            return new PersonCard(card.accountId(), card.role(), kinship, card.fields(), card.linked());
        });
    }

    private void insertEmptyParent(Connection c, RegistryDatabase db, String organisationId, String parentId)
            throws SQLException {
        // the names are required columns: an empty card holds empty names until the school types them
        try (PreparedStatement s = prepare(c, db, "INSERT INTO sr_account (id, account_role, organisation_id, last_name,"
                + " first_name, last_name_norm, first_name_norm, created_at) VALUES (?, 'PARENT', ?, '', '', '', '', ?)")) {
            s.setString(1, parentId);
            s.setString(2, organisationId);
            s.setTimestamp(3, Timestamp.valueOf(audit.now()));
            s.executeUpdate();
        }
    }

    static boolean lockAccount(Connection c, RegistryDatabase db, String organisationId, String accountId)
            throws SQLException {
        try (PreparedStatement s = prepare(c, db,
                "SELECT id FROM sr_account WHERE id = ? AND organisation_id = ? FOR UPDATE")) {
            s.setString(1, accountId);
            s.setString(2, organisationId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** The field as the card shows it now. */
    private static String current(Connection c, RegistryDatabase db, String organisationId, String accountId,
            CardField field) throws SQLException {
        return JdbcRoster.cards(c, db, organisationId, List.of(accountId)).get(accountId).field(field);
    }

    /** Writes one checked field: the typed and the normalised form, or the contact rows anew. */
    static void store(Connection c, RegistryDatabase db, String accountId, CardValues.Checked value) throws SQLException {
        switch (value.field()) {
            case LAST_NAME -> update(c, db, "UPDATE sr_account SET last_name = ?, last_name_norm = ? WHERE id = ?",
                    value.entered(), value.normalised(), accountId);
            case FIRST_NAME -> update(c, db, "UPDATE sr_account SET first_name = ?, first_name_norm = ? WHERE id = ?",
                    value.entered(), value.normalised(), accountId);
            case MIDDLE_NAME -> update(c, db, "UPDATE sr_account SET middle_name = ?, middle_name_norm = ? WHERE id = ?",
                    value.entered(), value.normalised(), accountId);
            case BIRTH_DATE -> {
                try (PreparedStatement s = prepare(c, db, "UPDATE sr_account SET birth_date = ? WHERE id = ?")) {
                    s.setDate(1, value.birthDate() == null ? null : Date.valueOf(value.birthDate()));
                    s.setString(2, accountId);
                    s.executeUpdate();
                }
            }
            case SNILS -> update(c, db, "UPDATE sr_account SET snils = ? WHERE id = ?", value.normalised(), accountId);
            case PHONES -> replaceContacts(c, db, "sr_account_phone", "phone", accountId, value.contacts());
            case EMAILS -> replaceContacts(c, db, "sr_account_email", "email", accountId, value.contacts());
        }
    }

    private static void update(Connection c, RegistryDatabase db, String sql, String... params) throws SQLException {
        try (PreparedStatement s = prepare(c, db, sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static void replaceContacts(Connection c, RegistryDatabase db, String table, String column,
            String accountId, List<CardValues.Contact> contacts) throws SQLException {
        try (PreparedStatement s = prepare(c, db, "DELETE FROM " + table + " WHERE account_id = ?")) {
            s.setString(1, accountId);
            s.executeUpdate();
        }
        if (contacts.isEmpty()) {
            return;
        }
        try (PreparedStatement s = prepare(c, db, "INSERT INTO " + table + " (account_id, " + column + ", " + column
                + "_entered, entry_order) VALUES (?, ?, ?, ?)")) {
            int order = 0;
            for (CardValues.Contact contact : contacts) {
                s.setString(1, accountId);
                s.setString(2, contact.normalised());
                s.setString(3, contact.entered());
                s.setInt(4, order++);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
