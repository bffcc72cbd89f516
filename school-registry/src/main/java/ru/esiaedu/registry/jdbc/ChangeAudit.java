package ru.esiaedu.registry.jdbc;

import static ru.esiaedu.registry.jdbc.JdbcSchoolRegistryProvider.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import ru.esiaedu.registry.school.Actor;
import ru.esiaedu.registry.school.AuditEntry;

/**
 * The audit of the school's side ({@code sr_change_audit}): written in the transaction of the change it records, so
 * a change and its audit row are committed or rolled back together. Values stay in the registry, never in the log.
 * Times are UTC. Besides the {@link ru.esiaedu.registry.school.CardField} names, {@code field} is one of the
 * constants below.
 */
final class ChangeAudit {

    /** An account created (by the import or as an empty parent card); new value: how. */
    static final String CREATED = "CREATED";
    /** An ESIA person linked to / unlinked from the account; old and new value: the oid. */
    static final String ESIA_LINK = "ESIA_LINK";
    /** A parent added to a student (on both accounts); new value: the other account and the kinship. */
    static final String PARENT = "PARENT";
    /** A student's class (by the import); old and new value: the class name. */
    static final String CLASS = "CLASS";
    /** A staff position (by the import); new value: the position and class. */
    static final String POSITION = "POSITION";
    /** An access request decided or sent to an organisation; old and new value: its status or organisation. */
    static final String ACCESS_REQUEST = "ACCESS_REQUEST";

    static final int VALUE_MAX = 1000;
    static final int ACTOR_MAX = 300;

    private static final String INSERT = "INSERT INTO sr_change_audit (organisation_id, account_id, field, old_value,"
            + " new_value, actor, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Clock clock;

    ChangeAudit(Clock clock) {
        this.clock = clock;
    }

    static void checkActor(Actor actor) {
        if (actor == null || actor.id() == null || actor.id().isBlank() || actor.id().length() > ACTOR_MAX) {
            throw new IllegalArgumentException("school office: an actor of 1.." + ACTOR_MAX + " characters is required");
        }
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    void write(Connection c, RegistryDatabase db, Actor actor, String organisationId, String accountId, String field,
            String oldValue, String newValue) throws SQLException {
        try (PreparedStatement s = prepare(c, db, INSERT)) {
            bind(s, actor, organisationId, accountId, field, oldValue, newValue);
            s.executeUpdate();
        }
    }

    /** For the import's batches: the statement to add rows to with {@link #add}. */
    PreparedStatement batch(Connection c, RegistryDatabase db) throws SQLException {
        return prepare(c, db, INSERT);
    }

    void add(PreparedStatement batch, Actor actor, String organisationId, String accountId, String field,
            String oldValue, String newValue) throws SQLException {
        bind(batch, actor, organisationId, accountId, field, oldValue, newValue);
        batch.addBatch();
    }

    private void bind(PreparedStatement s, Actor actor, String organisationId, String accountId, String field,
            String oldValue, String newValue) throws SQLException {
        s.setString(1, organisationId);
        s.setString(2, accountId);
        s.setString(3, field);
        s.setString(4, clip(oldValue));
        s.setString(5, clip(newValue));
        s.setString(6, actor.id());
        s.setTimestamp(7, Timestamp.valueOf(now()));
    }

    List<AuditEntry> history(Connection c, RegistryDatabase db, String organisationId, String accountId, int max)
            throws SQLException {
        try (PreparedStatement s = prepare(c, db, "SELECT id, organisation_id, account_id, field, old_value, new_value,"
                + " actor, changed_at FROM sr_change_audit WHERE organisation_id = ? AND account_id = ?"
                + " ORDER BY changed_at DESC, id DESC")) {
            s.setMaxRows(max);
            s.setString(1, organisationId);
            s.setString(2, accountId);
            List<AuditEntry> result = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(new AuditEntry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7),
                            r.getTimestamp(8).toLocalDateTime().toInstant(ZoneOffset.UTC)));
                }
            }
            return List.copyOf(result);
        }
    }

    private static String clip(String value) {
        return value == null || value.length() <= VALUE_MAX ? value : value.substring(0, VALUE_MAX);
    }
}
