package ru.esiaedu.registry.jdbc;

import static ru.esiaedu.registry.jdbc.JdbcSchoolRegistryProvider.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import org.jboss.logging.Logger;
import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.school.Actor;
import ru.esiaedu.registry.school.StaffLinkResult;

/**
 * Staff-side linking: the only way to link after the self-linking cut-off date. Uses the link records of the login
 * flow ({@code sr_account_link}, rule {@link LinkRule#STAFF}), row-locks the account like the flow's own link, and
 * audits every link and unlink in the same transaction.
 */
final class JdbcStaffLinks {

    static final int OID_MAX = 32;
    static final int REASON_MAX = 300;
    /** {@code sr_account_link.unlinked_by} is 64 characters; a longer actor id is kept whole in the audit only. */
    private static final int UNLINKED_BY_MAX = 64;

    private static final Logger LOG = Logger.getLogger(JdbcStaffLinks.class);

    private final JdbcSchoolRegistryProvider.DatabaseSupplier database;
    private final Clock clock;
    private final ChangeAudit audit;

    JdbcStaffLinks(JdbcSchoolRegistryProvider.DatabaseSupplier database, Clock clock, ChangeAudit audit) {
        this.database = database;
        this.clock = clock;
        this.audit = audit;
    }

    StaffLinkResult link(Actor actor, String organisationId, String accountId, String esiaOid)
            throws RegistryUnavailableException {
        ChangeAudit.checkActor(actor);
        checkOid(esiaOid);
        if (JdbcRoster.blank(organisationId) || JdbcRoster.blank(accountId)) {
            return StaffLinkResult.NO_ACCOUNT;
        }
        return Transactions.write(database, "staff link", (c, db) -> link(c, db, actor, organisationId, accountId, esiaOid));
    }

    static void checkOid(String esiaOid) {
        if (esiaOid == null || esiaOid.isBlank() || esiaOid.length() > OID_MAX) {
            throw new IllegalArgumentException("staff link: an ESIA oid of 1.." + OID_MAX + " characters is required");
        }
    }

    /** The link inside the caller's transaction (also closing a request). */
    StaffLinkResult link(Connection c, RegistryDatabase db, Actor actor, String organisationId, String accountId,
            String esiaOid) throws SQLException {
        String holder;
        try (PreparedStatement s = prepare(c, db,
                "SELECT esia_oid FROM sr_account WHERE id = ? AND organisation_id = ? FOR UPDATE")) {
            s.setString(1, accountId);
            s.setString(2, organisationId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return StaffLinkResult.NO_ACCOUNT;
                }
                holder = r.getString(1);
            }
        }
        if (holder != null) {
            return holder.equals(esiaOid) ? StaffLinkResult.ALREADY_LINKED : StaffLinkResult.HELD_BY_ANOTHER;
        }
        try (PreparedStatement s = prepare(c, db, "UPDATE sr_account SET esia_oid = ? WHERE id = ? AND esia_oid IS NULL")) {
            s.setString(1, esiaOid);
            s.setString(2, accountId);
            if (s.executeUpdate() != 1) {
                return StaffLinkResult.HELD_BY_ANOTHER;
            }
        }
        try (PreparedStatement s = prepare(c, db,
                "INSERT INTO sr_account_link (account_id, esia_oid, how, linked_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, accountId);
            s.setString(2, esiaOid);
            s.setString(3, LinkRule.STAFF.name());
            s.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now(clock)));
            s.executeUpdate();
        }
        audit.write(c, db, actor, organisationId, accountId, ChangeAudit.ESIA_LINK, null, esiaOid);
        LOG.info("school registry: an account linked by staff (rule STAFF)");
        return StaffLinkResult.LINKED;
    }

    boolean unlink(Actor actor, String organisationId, String accountId, String reason)
            throws RegistryUnavailableException {
        ChangeAudit.checkActor(actor);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > REASON_MAX) {
            throw new IllegalArgumentException("staff unlink: reason longer than " + REASON_MAX + " characters");
        }
        if (JdbcRoster.blank(organisationId) || JdbcRoster.blank(accountId)) {
            return false;
        }
        String by = actor.id().length() <= UNLINKED_BY_MAX ? actor.id() : "school";
        return Transactions.write(database, "staff unlink", (c, db) -> {
            String holder;
            try (PreparedStatement s = prepare(c, db,
                    "SELECT esia_oid FROM sr_account WHERE id = ? AND organisation_id = ? FOR UPDATE")) {
                s.setString(1, accountId);
                s.setString(2, organisationId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next() || r.getString(1) == null) {
                        return false;
                    }
                    holder = r.getString(1);
                }
            }
            try (PreparedStatement s = prepare(c, db, "UPDATE sr_account SET esia_oid = NULL WHERE id = ?")) {
                s.setString(1, accountId);
                s.executeUpdate();
            }
            try (PreparedStatement s = prepare(c, db, "UPDATE sr_account_link SET unlinked_at = ?, unlinked_by = ?,"
                    + " unlink_reason = ? WHERE account_id = ? AND esia_oid = ? AND unlinked_at IS NULL")) {
                s.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now(clock)));
                s.setString(2, by);
                s.setString(3, why);
                s.setString(4, accountId);
                s.setString(5, holder);
                s.executeUpdate();
            }
            audit.write(c, db, actor, organisationId, accountId, ChangeAudit.ESIA_LINK, holder, null);
            LOG.info("school registry: an account unlinked by staff");
            return true;
        });
    }
}
