package ru.esiaedu.registry.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import ru.esiaedu.registry.ConsentRecord;
import ru.esiaedu.registry.ConsentRequestReceipt;
import ru.esiaedu.registry.ConsentRequestRecord;
import ru.esiaedu.registry.ConsentRequestStatus;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryUnavailableException;

/**
 * The students' consents of {@link JdbcSchoolRegistryProvider} (tables {@code sr_consent_request},
 * {@code sr_consent_request_recipient}, {@code sr_consent}). Rows are never deleted: deciding a request or revoking a
 * consent only sets columns, so who consented for whom, when and to which text stays provable (152-ФЗ art. 9).
 * Times are written and read as UTC. Decisions lock the row ({@code SELECT … FOR UPDATE}); "one pending request per
 * student and client" and "one consent per request" are unique constraints, so races end in the database.
 */
final class JdbcConsents {

    /** Rows per list call: a parent has a handful; the admin list is paged. */
    static final int MAX_ROWS = 500;

    private static final Logger LOG = Logger.getLogger(JdbcConsents.class);

    private static final String REQUEST_SELECT = "SELECT id, student_account_id, client_id, status, student_approves,"
            + " created_at, decided_at, decided_by_account_id FROM sr_consent_request ";
    private static final String CONSENT_SELECT = "SELECT id, request_id, student_account_id, client_id,"
            + " grantor_account_id, grantor_esia_oid, self_granted, text_version, granted_at, revoked_at,"
            + " revoked_by_account_id FROM sr_consent ";
    private static final String NEWEST_FIRST = " ORDER BY granted_at DESC, id DESC";

    /** Registry accounts by id (for the recipients of a receipt). */
    @FunctionalInterface
    interface AccountLoader {
        List<RegistryAccount> byIds(List<String> ids) throws RegistryUnavailableException;
    }

    private record Opened(ConsentRequestRecord request, boolean created) {}

    private final JdbcSchoolRegistryProvider.DatabaseSupplier database;
    private final Clock clock;
    private final AccountLoader accounts;

    JdbcConsents(JdbcSchoolRegistryProvider.DatabaseSupplier database, Clock clock, AccountLoader accounts) {
        this.database = database;
        this.clock = clock;
        this.accounts = accounts;
    }

    Optional<ConsentRecord> findActiveConsent(String studentAccountId, String clientId)
            throws RegistryUnavailableException {
        if (isBlank(studentAccountId) || isBlank(clientId)) {
            return Optional.empty();
        }
        return read("find active consent", (c, db) -> first(consents(c, db,
                "WHERE student_account_id = ? AND client_id = ? AND revoked_at IS NULL" + NEWEST_FIRST, 1,
                studentAccountId, clientId)));
    }

    Optional<ConsentRequestRecord> findLatestConsentRequest(String studentAccountId, String clientId)
            throws RegistryUnavailableException {
        if (isBlank(studentAccountId) || isBlank(clientId)) {
            return Optional.empty();
        }
        return read("find latest consent request", (c, db) -> first(requests(c, db,
                "WHERE student_account_id = ? AND client_id = ? ORDER BY created_at DESC, id DESC", 1,
                studentAccountId, clientId)));
    }

    ConsentRequestReceipt requestConsent(String studentAccountId, String clientId, boolean studentApproves)
            throws RegistryUnavailableException {
        requireText("student account id", studentAccountId, 64);
        requireText("client id", clientId, 255);
        Opened outcome = write("request consent", (c, db) -> {
            Optional<ConsentRequestRecord> pending = pendingRequest(c, db, studentAccountId, clientId);
            if (pending.isPresent()) {
                return new Opened(pending.get(), false);
            }
            if (!accountExists(c, db, studentAccountId)) {
                throw new IllegalArgumentException("consent request: unknown student account");
            }
            List<String> recipients = new ArrayList<>();
            if (studentApproves) {
                recipients.add(studentAccountId);
            } else {
                try (PreparedStatement s = prepare(c, db, "SELECT parent_account_id FROM sr_parent_student"
                        + " WHERE student_account_id = ? ORDER BY parent_account_id")) {
                    s.setString(1, studentAccountId);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            recipients.add(r.getString(1));
                        }
                    }
                }
            }
            long id;
            try {
                id = insertRequest(c, db, studentAccountId, clientId, studentApproves, recipients);
            } catch (SQLException e) {
                // Another login opened the request meanwhile (unique pending marker): answer with that one.
                JdbcSchoolRegistryProvider.rollbackQuietly(c);
                if (!Failures.isUniqueViolation(e) && !JdbcSchoolRegistryProvider.isConcurrencyConflict(e)) {
                    throw e;
                }
                Optional<ConsentRequestRecord> winner = pendingRequest(c, db, studentAccountId, clientId);
                if (winner.isEmpty()) {
                    throw e;
                }
                return new Opened(winner.get(), false);
            }
            return new Opened(first(requests(c, db, "WHERE id = ?", 1, id)).orElseThrow(), true);
        });
        ConsentRequestRecord request = outcome.request();
        if (outcome.created()) {
            LOG.infof("school registry: consent request opened, %d recipient(s)", request.recipientAccountIds().size());
            LOG.debugf("school registry: consent request %d opened for client %s", request.id(), clientId);
        }
        return new ConsentRequestReceipt(request, outcome.created(), recipientAccounts(request.recipientAccountIds()));
    }

    Optional<ConsentRequestRecord> findConsentRequest(long requestId) throws RegistryUnavailableException {
        return read("find consent request", (c, db) -> first(requests(c, db, "WHERE id = ?", 1, requestId)));
    }

    List<ConsentRequestRecord> findPendingConsentRequests(Collection<String> approverAccountIds)
            throws RegistryUnavailableException {
        List<String> ids = cleanIds(approverAccountIds);
        if (ids.isEmpty()) {
            return List.of();
        }
        return read("find pending consent requests", (c, db) -> requests(c, db, "WHERE status = 'PENDING' AND id IN"
                + " (SELECT request_id FROM sr_consent_request_recipient WHERE account_id IN (" + placeholders(ids.size())
                + ")) ORDER BY created_at, id", MAX_ROWS, ids.toArray()));
    }

    Optional<ConsentRecord> approveConsentRequest(long requestId, String approverAccountId, String approverEsiaOid,
            String textVersion) throws RegistryUnavailableException {
        requireText("approver ESIA oid", approverEsiaOid, 64);
        requireText("text version", textVersion, 32);
        if (isBlank(approverAccountId) || approverAccountId.length() > 64) {
            return Optional.empty();
        }
        Optional<ConsentRecord> result = write("approve consent request", (c, db) -> {
            Optional<String[]> locked = lockRequest(c, db, requestId);
            if (locked.isEmpty() || !isRecipient(c, db, requestId, approverAccountId)) {
                return Optional.empty();
            }
            String status = locked.get()[0];
            if (ConsentRequestStatus.APPROVED.name().equals(status)) {
                return consentOfRequest(c, db, requestId);   // a double submit: the consent recorded then
            }
            if (!ConsentRequestStatus.PENDING.name().equals(status)) {
                return Optional.empty();
            }
            String student = locked.get()[1];
            String client = locked.get()[2];
            LocalDateTime now = nowUtc();
            try {
                decide(c, db, requestId, ConsentRequestStatus.APPROVED, approverAccountId, now);
                try (PreparedStatement s = prepare(c, db, "INSERT INTO sr_consent (request_id, student_account_id,"
                        + " client_id, grantor_account_id, grantor_esia_oid, self_granted, text_version, granted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setLong(1, requestId);
                    s.setString(2, student);
                    s.setString(3, client);
                    s.setString(4, approverAccountId);
                    s.setString(5, approverEsiaOid);
                    s.setBoolean(6, approverAccountId.equals(student));
                    s.setString(7, textVersion);
                    s.setObject(8, now);
                    s.executeUpdate();
                }
            } catch (SQLException e) {
                // Only reachable if the row lock did not serialise us: one consent per request wins.
                JdbcSchoolRegistryProvider.rollbackQuietly(c);
                if (!Failures.isUniqueViolation(e) && !JdbcSchoolRegistryProvider.isConcurrencyConflict(e)) {
                    throw e;
                }
                Optional<ConsentRecord> winner = consentOfRequest(c, db, requestId);
                if (winner.isEmpty()) {
                    throw e;
                }
                return winner;
            }
            Optional<ConsentRecord> consent = consentOfRequest(c, db, requestId);
            consent.ifPresent(r -> {
                LOG.info("school registry: consent recorded");
                LOG.debugf("school registry: consent %d recorded (request %d)", r.id(), requestId);
            });
            return consent;
        });
        if (result.isEmpty()) {
            LOG.debugf("school registry: approval of consent request %d refused", requestId);
        }
        return result;
    }

    boolean declineConsentRequest(long requestId, String approverAccountId) throws RegistryUnavailableException {
        if (isBlank(approverAccountId) || approverAccountId.length() > 64) {
            return false;
        }
        boolean declined = write("decline consent request", (c, db) -> {
            Optional<String[]> locked = lockRequest(c, db, requestId);
            if (locked.isEmpty() || !ConsentRequestStatus.PENDING.name().equals(locked.get()[0])
                    || !isRecipient(c, db, requestId, approverAccountId)) {
                return false;
            }
            decide(c, db, requestId, ConsentRequestStatus.DECLINED, approverAccountId, nowUtc());
            return true;
        });
        if (declined) {
            LOG.info("school registry: consent request declined");
            LOG.debugf("school registry: consent request %d declined", requestId);
        }
        return declined;
    }

    List<ConsentRecord> findConsentsGrantedBy(Collection<String> grantorAccountIds) throws RegistryUnavailableException {
        List<String> ids = cleanIds(grantorAccountIds);
        if (ids.isEmpty()) {
            return List.of();
        }
        return read("find consents granted", (c, db) -> consents(c, db,
                "WHERE grantor_account_id IN (" + placeholders(ids.size()) + ")" + NEWEST_FIRST, MAX_ROWS, ids.toArray()));
    }

    boolean revokeConsent(long consentId, String byAccountId) throws RegistryUnavailableException {
        if (isBlank(byAccountId) || byAccountId.length() > 64) {
            return false;
        }
        boolean revoked = write("revoke consent", (c, db) -> {
            String student;
            String grantor;
            try (PreparedStatement s = prepare(c, db, "SELECT student_account_id, grantor_account_id, revoked_at"
                    + " FROM sr_consent WHERE id = ? FOR UPDATE")) {
                s.setLong(1, consentId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next() || r.getObject(3) != null) {
                        return false;
                    }
                    student = r.getString(1);
                    grantor = r.getString(2);
                }
            }
            // The grantor (for a self-granted consent that is the student) or any parent of the student.
            if (!byAccountId.equals(grantor) && !isParent(c, db, byAccountId, student)) {
                return false;
            }
            try (PreparedStatement s = prepare(c, db, "UPDATE sr_consent SET revoked_at = ?, revoked_by_account_id = ?"
                    + " WHERE id = ? AND revoked_at IS NULL")) {
                s.setObject(1, nowUtc());
                s.setString(2, byAccountId);
                s.setLong(3, consentId);
                return s.executeUpdate() == 1;
            }
        });
        if (revoked) {
            LOG.info("school registry: consent revoked");
            LOG.debugf("school registry: consent %d revoked", consentId);
        } else {
            LOG.debugf("school registry: revocation of consent %d refused", consentId);
        }
        return revoked;
    }

    List<ConsentRecord> listConsents(String studentAccountIdOrNull, int first, int max)
            throws RegistryUnavailableException {
        if (first < 0 || max < 0) {
            throw new IllegalArgumentException("list consents: first and max must not be negative");
        }
        if (max == 0) {
            return List.of();
        }
        int limit = Math.min(max, MAX_ROWS);
        String page = NEWEST_FIRST + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        if (isBlank(studentAccountIdOrNull)) {
            return read("list consents", (c, db) -> consents(c, db, page, limit, first, limit));
        }
        return read("list consents", (c, db) -> consents(c, db, "WHERE student_account_id = ?" + page, limit,
                studentAccountIdOrNull, first, limit));
    }

    // ---------------------------------------------------------------------------------------------------------

    private <T> T read(String operation, Transactions.Work<T> work) throws RegistryUnavailableException {
        return Transactions.read(database, operation, work);
    }

    /** One transaction: committed when the work returns, rolled back when it throws anything. */
    private <T> T write(String operation, Transactions.Work<T> work) throws RegistryUnavailableException {
        return Transactions.write(database, operation, work);
    }

    private long insertRequest(Connection c, RegistryDatabase db, String student, String client,
            boolean studentApproves, List<String> recipients) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sr_consent_request (student_account_id, client_id,"
                + " status, pending, student_approves, created_at) VALUES (?, ?, 'PENDING', TRUE, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setQueryTimeout(db.config().queryTimeoutSeconds());
            s.setString(1, student);
            s.setString(2, client);
            s.setBoolean(3, studentApproves);
            s.setObject(4, nowUtc());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for sr_consent_request");
                }
                id = keys.getLong("id");
            }
        }
        if (!recipients.isEmpty()) {
            try (PreparedStatement s = prepare(c, db,
                    "INSERT INTO sr_consent_request_recipient (request_id, account_id) VALUES (?, ?)")) {
                for (String recipient : recipients) {
                    s.setLong(1, id);
                    s.setString(2, recipient);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        return id;
    }

    private static void decide(Connection c, RegistryDatabase db, long requestId, ConsentRequestStatus status,
            String byAccountId, LocalDateTime now) throws SQLException {
        try (PreparedStatement s = prepare(c, db, "UPDATE sr_consent_request SET status = ?, pending = NULL,"
                + " decided_at = ?, decided_by_account_id = ? WHERE id = ? AND status = 'PENDING'")) {
            s.setString(1, status.name());
            s.setObject(2, now);
            s.setString(3, byAccountId);
            s.setLong(4, requestId);
            if (s.executeUpdate() != 1) {
                throw new SQLException("consent request no longer pending", "40001");   // the lock should prevent it
            }
        }
    }

    private Optional<ConsentRequestRecord> pendingRequest(Connection c, RegistryDatabase db, String student,
            String client) throws SQLException {
        return first(requests(c, db, "WHERE student_account_id = ? AND client_id = ? AND pending = TRUE", 1,
                student, client));
    }

    /** Status, student account id and client id of the request, its row locked until the transaction ends. */
    private static Optional<String[]> lockRequest(Connection c, RegistryDatabase db, long requestId) throws SQLException {
        try (PreparedStatement s = prepare(c, db,
                "SELECT status, student_account_id, client_id FROM sr_consent_request WHERE id = ? FOR UPDATE")) {
            s.setLong(1, requestId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new String[] {r.getString(1), r.getString(2), r.getString(3)})
                        : Optional.empty();
            }
        }
    }

    private static boolean isRecipient(Connection c, RegistryDatabase db, long requestId, String accountId)
            throws SQLException {
        return exists(c, db, "SELECT 1 FROM sr_consent_request_recipient WHERE request_id = ? AND account_id = ?",
                requestId, accountId);
    }

    private static boolean isParent(Connection c, RegistryDatabase db, String parent, String student)
            throws SQLException {
        return exists(c, db, "SELECT 1 FROM sr_parent_student WHERE parent_account_id = ? AND student_account_id = ?",
                parent, student);
    }

    private static boolean accountExists(Connection c, RegistryDatabase db, String accountId) throws SQLException {
        return exists(c, db, "SELECT 1 FROM sr_account WHERE id = ?", accountId);
    }

    private static boolean exists(Connection c, RegistryDatabase db, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, db, sql)) {
            JdbcSchoolRegistryProvider.bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private Optional<ConsentRecord> consentOfRequest(Connection c, RegistryDatabase db, long requestId)
            throws SQLException {
        return first(consents(c, db, "WHERE request_id = ?", 1, requestId));
    }

    private static List<ConsentRecord> consents(Connection c, RegistryDatabase db, String where, int maxRows,
            Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, db, CONSENT_SELECT + where)) {
            s.setMaxRows(maxRows);
            JdbcSchoolRegistryProvider.bind(s, params);
            List<ConsentRecord> result = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(new ConsentRecord(r.getLong("id"), r.getLong("request_id"),
                            r.getString("student_account_id"), r.getString("client_id"),
                            r.getString("grantor_account_id"), r.getString("grantor_esia_oid"),
                            r.getBoolean("self_granted"), r.getString("text_version"), instant(r, "granted_at"),
                            instant(r, "revoked_at"), r.getString("revoked_by_account_id")));
                }
            }
            return List.copyOf(result);
        }
    }

    /** Requests with their recipients (ordered by account id). */
    private static List<ConsentRequestRecord> requests(Connection c, RegistryDatabase db, String where, int maxRows,
            Object... params) throws SQLException {
        Map<Long, ConsentRequestRecord> byId = new LinkedHashMap<>();
        try (PreparedStatement s = prepare(c, db, REQUEST_SELECT + where)) {
            s.setMaxRows(maxRows);
            JdbcSchoolRegistryProvider.bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong("id");
                    byId.put(id, new ConsentRequestRecord(id, r.getString("student_account_id"),
                            r.getString("client_id"), ConsentRequestStatus.valueOf(r.getString("status")),
                            r.getBoolean("student_approves"), List.of(), instant(r, "created_at"),
                            instant(r, "decided_at"), r.getString("decided_by_account_id")));
                }
            }
        }
        if (byId.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> recipients = new LinkedHashMap<>();
        try (PreparedStatement s = prepare(c, db, "SELECT request_id, account_id FROM sr_consent_request_recipient"
                + " WHERE request_id IN (" + placeholders(byId.size()) + ") ORDER BY request_id, account_id")) {
            JdbcSchoolRegistryProvider.bind(s, byId.keySet().toArray());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    recipients.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getString(2));
                }
            }
        }
        List<ConsentRequestRecord> result = new ArrayList<>(byId.size());
        for (ConsentRequestRecord q : byId.values()) {
            result.add(new ConsentRequestRecord(q.id(), q.studentAccountId(), q.clientId(), q.status(),
                    q.studentApproves(), recipients.getOrDefault(q.id(), List.of()), q.createdAt(), q.decidedAt(),
                    q.decidedByAccountId()));
        }
        return List.copyOf(result);
    }

    /** The recipients' accounts in the request's order (by account id). */
    private List<RegistryAccount> recipientAccounts(List<String> ids) throws RegistryUnavailableException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, RegistryAccount> byId = new LinkedHashMap<>();
        for (RegistryAccount account : accounts.byIds(ids)) {
            byId.put(account.id(), account);
        }
        List<RegistryAccount> result = new ArrayList<>(ids.size());
        for (String id : ids) {
            RegistryAccount account = byId.get(id);
            if (account != null) {
                result.add(account);
            }
        }
        return List.copyOf(result);
    }

    private static PreparedStatement prepare(Connection c, RegistryDatabase db, String sql) throws SQLException {
        return JdbcSchoolRegistryProvider.prepare(c, db, sql);
    }

    /** PostgreSQL keeps microseconds: truncate so what we return equals what we read back later. */
    private LocalDateTime nowUtc() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        LocalDateTime value = r.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static List<String> cleanIds(Collection<String> ids) {
        if (ids == null) {
            return List.of();
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String id : ids) {
            if (!isBlank(id) && id.length() <= 64) {
                clean.add(id);
            }
        }
        return List.copyOf(clean);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void requireText(String field, String value, int max) {
        if (isBlank(value) || value.length() > max) {
            throw new IllegalArgumentException("consent: " + field + " must be 1.." + max + " characters");
        }
    }
}
