package ru.esiaedu.registry.jdbc;

import static ru.esiaedu.registry.jdbc.JdbcSchoolRegistryProvider.bind;
import static ru.esiaedu.registry.jdbc.JdbcSchoolRegistryProvider.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.school.Actor;
import ru.esiaedu.registry.school.InboxRequest;
import ru.esiaedu.registry.school.InboxRequestStatus;
import ru.esiaedu.registry.school.NotMeReport;
import ru.esiaedu.registry.school.StaffLinkResult;

/**
 * The requests inbox: «Обратиться в организацию» requests of one organisation (and those naming none, for the
 * region's operators), their resolution by linking or rejection, and the «Это не я» reports. A request is decided
 * once: the decision is a conditional update of an open ({@code NEW}) row, so a double submit finds it closed.
 */
final class JdbcInbox {

    static final int COMMENT_MAX = 500;

    private static final Logger LOG = Logger.getLogger(JdbcInbox.class);

    private static final String SELECT = "SELECT id, request_number, status, request_role, requester_full_name,"
            + " child_full_name, organisation_type, organisation_id, class_name, contact_email, esia_oid, created_at,"
            + " linked_account_id, resolution_comment, resolved_by, resolved_at FROM sr_access_request ";

    private final JdbcSchoolRegistryProvider.DatabaseSupplier database;
    private final Clock clock;
    private final ChangeAudit audit;
    private final JdbcStaffLinks links;

    JdbcInbox(JdbcSchoolRegistryProvider.DatabaseSupplier database, Clock clock, ChangeAudit audit,
            JdbcStaffLinks links) {
        this.database = database;
        this.clock = clock;
        this.audit = audit;
        this.links = links;
    }

    List<InboxRequest> requests(String organisationId, InboxRequestStatus status, int first, int max)
            throws RegistryUnavailableException {
        checkPage(first, max);
        if (JdbcRoster.blank(organisationId)) {
            return List.of();
        }
        return page("WHERE organisation_id = ?", organisationId, status, first, max);
    }

    List<InboxRequest> requestsWithoutOrganisation(InboxRequestStatus status, int first, int max)
            throws RegistryUnavailableException {
        checkPage(first, max);
        return page("WHERE organisation_id IS NULL", null, status, first, max);
    }

    private List<InboxRequest> page(String where, String organisationId, InboxRequestStatus status, int first, int max)
            throws RegistryUnavailableException {
        List<Object> params = new ArrayList<>();
        if (organisationId != null) {
            params.add(organisationId);
        }
        String sql = SELECT + where;
        if (status != null) {
            sql += " AND status = ?";
            params.add(status.name());
        }
        sql += " ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        params.add(first);
        params.add(Math.min(max, JdbcRoster.MAX_ROWS));
        String query = sql;
        return Transactions.read(database, "list access requests", (c, db) -> {
            try (PreparedStatement s = prepare(c, db, query)) {
                bind(s, params.toArray());
                List<InboxRequest> result = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        result.add(request(r));
                    }
                }
                return List.copyOf(result);
            }
        });
    }

    Optional<InboxRequest> request(String organisationId, long requestId) throws RegistryUnavailableException {
        if (JdbcRoster.blank(organisationId)) {
            return Optional.empty();
        }
        return Transactions.read(database, "read access request", (c, db) -> find(c, db, organisationId, requestId, false));
    }

    boolean assignRequest(Actor actor, long requestId, String organisationId) throws RegistryUnavailableException {
        ChangeAudit.checkActor(actor);
        if (JdbcRoster.blank(organisationId)) {
            return false;
        }
        return Transactions.write(database, "assign access request", (c, db) -> {
            try (PreparedStatement s = prepare(c, db, "SELECT id FROM sr_organisation WHERE id = ?")) {
                s.setString(1, organisationId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = prepare(c, db, "UPDATE sr_access_request SET organisation_id = ? WHERE id = ?"
                    + " AND organisation_id IS NULL AND status = 'NEW'")) {
                s.setString(1, organisationId);
                s.setLong(2, requestId);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            audit.write(c, db, actor, organisationId, null, ChangeAudit.ACCESS_REQUEST, number(c, db, requestId),
                    number(c, db, requestId) + " -> " + organisationId);
            LOG.info("school registry: an access request was sent to an organisation");
            return true;
        });
    }

    StaffLinkResult resolveByLinking(Actor actor, String organisationId, long requestId, String accountId)
            throws RegistryUnavailableException {
        ChangeAudit.checkActor(actor);
        if (JdbcRoster.blank(organisationId)) {
            return StaffLinkResult.REQUEST_NOT_OPEN;
        }
        if (JdbcRoster.blank(accountId)) {
            return StaffLinkResult.NO_ACCOUNT;
        }
        try {
            return Transactions.write(database, "resolve access request", (c, db) -> {
                // the request's row first, then the account's (the same order everywhere: no deadlock)
                Optional<InboxRequest> found = find(c, db, organisationId, requestId, true);
                if (found.isEmpty() || found.get().status() != InboxRequestStatus.NEW) {
                    return StaffLinkResult.REQUEST_NOT_OPEN;
                }
                InboxRequest request = found.get();
                if (request.esiaOid() == null) {
                    return StaffLinkResult.NO_ACCOUNT;      // nobody to link: the request came without an ESIA person
                }
                StaffLinkResult linked = links.link(c, db, actor, organisationId, accountId, request.esiaOid());
                if (linked != StaffLinkResult.LINKED && linked != StaffLinkResult.ALREADY_LINKED) {
                    return linked;                          // nothing written; the request stays open
                }
                try (PreparedStatement s = prepare(c, db, "UPDATE sr_access_request SET status = 'LINKED',"
                        + " linked_account_id = ?, resolved_by = ?, resolved_at = ? WHERE id = ? AND status = 'NEW'")) {
                    s.setString(1, accountId);
                    s.setString(2, actor.id());
                    s.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now(clock)));
                    s.setLong(4, requestId);
                    if (s.executeUpdate() != 1) {
                        throw new Closed();                 // decided meanwhile: undo the link as well
                    }
                }
                audit.write(c, db, actor, organisationId, accountId, ChangeAudit.ACCESS_REQUEST,
                        InboxRequestStatus.NEW.name(), InboxRequestStatus.LINKED.name() + " " + request.number());
                LOG.info("school registry: an access request was resolved by linking");
                return linked;
            });
        } catch (Closed closed) {
            return StaffLinkResult.REQUEST_NOT_OPEN;
        }
    }

    boolean reject(Actor actor, String organisationId, long requestId, String comment)
            throws RegistryUnavailableException {
        ChangeAudit.checkActor(actor);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > COMMENT_MAX) {
            throw new IllegalArgumentException("reject: comment longer than " + COMMENT_MAX + " characters");
        }
        if (JdbcRoster.blank(organisationId)) {
            return false;
        }
        return Transactions.write(database, "reject access request", (c, db) -> {
            try (PreparedStatement s = prepare(c, db, "UPDATE sr_access_request SET status = 'REJECTED',"
                    + " resolution_comment = ?, resolved_by = ?, resolved_at = ? WHERE id = ? AND organisation_id = ?"
                    + " AND status = 'NEW'")) {
                s.setString(1, text);
                s.setString(2, actor.id());
                s.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now(clock)));
                s.setLong(4, requestId);
                s.setString(5, organisationId);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            audit.write(c, db, actor, organisationId, null, ChangeAudit.ACCESS_REQUEST, InboxRequestStatus.NEW.name(),
                    InboxRequestStatus.REJECTED.name() + " " + number(c, db, requestId));
            LOG.info("school registry: an access request was rejected");
            return true;
        });
    }

    List<NotMeReport> notMeReports(String organisationId, int first, int max) throws RegistryUnavailableException {
        checkPage(first, max);
        if (JdbcRoster.blank(organisationId)) {
            return List.of();
        }
        return Transactions.read(database, "list not-me reports", (c, db) -> {
            try (PreparedStatement s = prepare(c, db, "SELECT l.id, l.account_id, l.esia_oid, l.unlinked_at"
                    + " FROM sr_account_link l JOIN sr_account a ON a.id = l.account_id WHERE a.organisation_id = ?"
                    + " AND l.unlinked_by = 'person' AND l.unlinked_at IS NOT NULL"
                    + " ORDER BY l.unlinked_at DESC, l.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                s.setString(1, organisationId);
                s.setInt(2, first);
                s.setInt(3, Math.min(max, JdbcRoster.MAX_ROWS));
                List<NotMeReport> result = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        result.add(new NotMeReport(r.getLong(1), r.getString(2), r.getString(3), instant(r.getTimestamp(4))));
                    }
                }
                return List.copyOf(result);
            }
        });
    }

    private Optional<InboxRequest> find(Connection c, RegistryDatabase db, String organisationId, long requestId,
            boolean lock) throws SQLException {
        try (PreparedStatement s = prepare(c, db, SELECT + "WHERE id = ? AND organisation_id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            s.setLong(1, requestId);
            s.setString(2, organisationId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(request(r)) : Optional.empty();
            }
        }
    }

    private static String number(Connection c, RegistryDatabase db, long requestId) throws SQLException {
        try (PreparedStatement s = prepare(c, db, "SELECT request_number FROM sr_access_request WHERE id = ?")) {
            s.setLong(1, requestId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private InboxRequest request(ResultSet r) throws SQLException {
        String role = r.getString(4);
        return new InboxRequest(r.getLong(1), r.getString(2), InboxRequestStatus.valueOf(r.getString(3)),
                role == null ? null : RegistryRole.valueOf(role), r.getString(5), r.getString(6), r.getString(7),
                r.getString(8), r.getString(9), r.getString(10), r.getString(11), instant(r.getTimestamp(12)),
                r.getString(13), r.getString(14), r.getString(15), instant(r.getTimestamp(16)));
    }

    /** The access request and link tables keep the registry clock's local time (as the login flow writes them). */
    private Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().atZone(clock.getZone()).toInstant();
    }

    private static void checkPage(int first, int max) {
        if (first < 0 || max < 0) {
            throw new IllegalArgumentException("paging: first and max must not be negative");
        }
    }

    /** The request was decided by someone else between reading and closing it. */
    private static final class Closed extends RuntimeException {
        Closed() {
            super("access request decided meanwhile", null, false, false);
        }
    }
}
