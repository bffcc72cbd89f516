package ru.esiaedu.registry.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jboss.logging.Logger;
import ru.esiaedu.registry.AccessRequest;
import ru.esiaedu.registry.AccessRequestReceipt;
import ru.esiaedu.registry.ConsentErasureReceipt;
import ru.esiaedu.registry.ConsentNoticeRecord;
import ru.esiaedu.registry.ConsentRecord;
import ru.esiaedu.registry.ConsentRequestReceipt;
import ru.esiaedu.registry.ConsentRequestRecord;
import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.PasswordHashes;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;
import ru.esiaedu.registry.normalize.Emails;
import ru.esiaedu.registry.normalize.Logins;
import ru.esiaedu.registry.normalize.Names;
import ru.esiaedu.registry.normalize.Phones;
import ru.esiaedu.registry.normalize.Snils;
import ru.esiaedu.registry.school.SchoolOffice;

/**
 * The registry over JDBC. Every query is parameterised and has the configured query timeout; lookups run on
 * read-only connections, {@link #link} and {@link #createAccessRequest} write in one transaction each
 * ({@link Transactions}: rolled back on any failure); the consent methods are in {@link JdbcConsents}.
 * Finder arguments are normalised here, with the functions that normalise stored data (the SPI's contract).
 */
public final class JdbcSchoolRegistryProvider implements SchoolRegistryProvider {

    /** At most this many accounts per lookup: a shared phone must not turn one login into a data dump. */
    static final int MAX_ACCOUNTS = 50;


    private static final Logger LOG = Logger.getLogger(JdbcSchoolRegistryProvider.class);

    /** A dummy bcrypt hash, verified for unknown logins so both answers take about as long. */
    private static final String DUMMY_HASH = "$2a$10$XVLnWQzjXFSrXETrZwyuKO8Y0bOMpCxP.fqnJBH8IpyU4ZCIslm2K";

    private final DatabaseSupplier database;
    private final Clock clock;
    private final JdbcConsents consents;
    private final JdbcConsentNotices notices;
    private final JdbcConsentErasure erasure;
    private final JdbcSchoolOffice office;

    /** Opens (or returns) the factory's database on first use. */
    @FunctionalInterface
    interface DatabaseSupplier {
        RegistryDatabase get() throws RegistryUnavailableException;
    }

    JdbcSchoolRegistryProvider(DatabaseSupplier database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.notices = new JdbcConsentNotices(database, clock);
        this.erasure = new JdbcConsentErasure(database, clock);
        this.consents = new JdbcConsents(database, clock, ids -> accounts("find consent recipients",
                "WHERE a.id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", ids.toArray()));
        this.office = new JdbcSchoolOffice(database, clock);
    }

    @Override
    public List<RegistryAccount> findBySnils(RegistryRole role, String rawSnils) throws RegistryUnavailableException {
        Objects.requireNonNull(role, "role");
        Optional<String> snils = Snils.normalize(rawSnils);
        if (snils.isEmpty()) {
            return List.of();
        }
        return accounts("find by SNILS", "WHERE a.snils = ? AND a.account_role = ?", snils.get(), role.name());
    }

    @Override
    public List<RegistryAccount> findByPhone(RegistryRole role, String rawPhone) throws RegistryUnavailableException {
        Objects.requireNonNull(role, "role");
        Optional<String> phone = Phones.normalize(rawPhone);
        if (phone.isEmpty()) {
            return List.of();
        }
        return byContact("find by phone", AccountLookup.BY_PHONE, role, phone.get());
    }

    @Override
    public List<RegistryAccount> findByEmail(RegistryRole role, String rawEmail) throws RegistryUnavailableException {
        Objects.requireNonNull(role, "role");
        Optional<String> email = Emails.normalize(rawEmail);
        if (email.isEmpty()) {
            return List.of();
        }
        return byContact("find by e-mail", AccountLookup.BY_EMAIL, role, email.get());
    }

    @Override
    public List<RegistryAccount> findByNameAndBirthDate(RegistryRole role, String rawLastName,
            String rawFirstName, String rawMiddleNameOrNull, LocalDate birthDate)
            throws RegistryUnavailableException {
        Objects.requireNonNull(role, "role");
        String last = Names.normalize(rawLastName);
        String first = Names.normalize(rawFirstName);
        String middle = Names.normalize(rawMiddleNameOrNull);
        if (last == null || first == null || birthDate == null) {
            return List.of();
        }
        String where = "WHERE a.account_role = ? AND a.last_name_norm = ? AND a.first_name_norm = ? AND a.birth_date = ?";
        if (middle == null) {
            return accounts("find by name", where, role.name(), last, first, Date.valueOf(birthDate));
        }
        return accounts("find by name", where + " AND (a.middle_name_norm IS NULL OR a.middle_name_norm = ?)",
                role.name(), last, first, Date.valueOf(birthDate), middle);
    }

    @Override
    public List<RegistryAccount> findLinked(String esiaOid) throws RegistryUnavailableException {
        if (esiaOid == null || esiaOid.isBlank()) {
            return List.of();
        }
        return accounts("find linked", "WHERE a.esia_oid = ?", esiaOid);
    }

    @Override
    public Optional<RegistryAccount> findById(String accountId) throws RegistryUnavailableException {
        if (accountId == null || accountId.isBlank()) {
            return Optional.empty();
        }
        return accounts("find by id", "WHERE a.id = ?", accountId).stream().findFirst();
    }

    @Override
    public boolean link(String accountId, String esiaOid, LinkRule how) throws RegistryUnavailableException {
        Objects.requireNonNull(how, "how");
        if (accountId == null || accountId.isBlank() || esiaOid == null || esiaOid.isBlank()) {
            throw new IllegalArgumentException("link: account id and ESIA oid are required");
        }
        return Transactions.write(database, "link", (c, db) -> {
            String holder;
            try (PreparedStatement s = prepare(c, db, "SELECT esia_oid FROM sr_account WHERE id = ? FOR UPDATE")) {
                s.setString(1, accountId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        LOG.debug("school registry: link refused, no such account");
                        return false;
                    }
                    holder = r.getString(1);
                }
            }
            if (holder != null) {
                boolean same = holder.equals(esiaOid);
                if (!same) {
                    LOG.info("school registry: link refused, the account is linked to another ESIA person");
                }
                return same;
            }
            try (PreparedStatement s = prepare(c, db,
                    "UPDATE sr_account SET esia_oid = ? WHERE id = ? AND esia_oid IS NULL")) {
                s.setString(1, esiaOid);
                s.setString(2, accountId);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement s = prepare(c, db,
                    "INSERT INTO sr_account_link (account_id, esia_oid, how, linked_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, accountId);
                s.setString(2, esiaOid);
                s.setString(3, how.name());
                s.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now(clock)));
                s.executeUpdate();
            }
            LOG.infof("school registry: an account linked (rule %s)", how);
            return true;
        });
    }

    @Override
    public boolean unlink(String accountId, String esiaOid, String by, String reason) throws RegistryUnavailableException {
        if (accountId == null || accountId.isBlank() || esiaOid == null || esiaOid.isBlank() || by == null || by.isBlank()) {
            throw new IllegalArgumentException("unlink: account id, ESIA oid and who are required");
        }
        checkLength("by", by, 64);
        String why = reason == null ? null : reason.strip();
        checkLength("reason", why, 300);
        return Transactions.write(database, "unlink", (c, db) -> {
            try (PreparedStatement s = prepare(c, db, "UPDATE sr_account SET esia_oid = NULL WHERE id = ? AND esia_oid = ?")) {
                s.setString(1, accountId);
                s.setString(2, esiaOid);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement s = prepare(c, db, "UPDATE sr_account_link SET unlinked_at = ?, unlinked_by = ?,"
                    + " unlink_reason = ? WHERE account_id = ? AND esia_oid = ? AND unlinked_at IS NULL")) {
                s.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now(clock)));
                s.setString(2, by);
                s.setString(3, why);
                s.setString(4, accountId);
                s.setString(5, esiaOid);
                s.executeUpdate();
            }
            LOG.debug("school registry: an account was unlinked from its ESIA person");
            return true;
        });
    }

    @Override
    public List<Organisation> organisations() throws RegistryUnavailableException {
        RegistryDatabase db = database.get();
        try (Connection c = readOnly(db);
             PreparedStatement s = prepare(c, db,
                     "SELECT id, org_type, name, municipality FROM sr_organisation ORDER BY name, id")) {
            List<Organisation> result = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(new Organisation(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
                }
            }
            return List.copyOf(result);
        } catch (SQLException e) {
            throw Failures.unavailable("list organisations", e);
        }
    }

    @Override
    public Optional<RegistryAccount> checkLegacyLogin(String organisationId, RegistryRole role, String login,
            char[] password) throws RegistryUnavailableException {
        Objects.requireNonNull(role, "role");
        String normalisedLogin = Logins.normalize(login);
        if (organisationId == null || normalisedLogin == null || normalisedLogin.isEmpty() || password == null
                || password.length == 0) {
            return Optional.empty();
        }
        RegistryDatabase db = database.get();
        String id = null;
        String hash = null;
        try (Connection c = readOnly(db);
             PreparedStatement s = prepare(c, db, "SELECT id, password_hash FROM sr_account"
                     + " WHERE organisation_id = ? AND account_role = ? AND legacy_login = ?")) {
            s.setString(1, organisationId);
            s.setString(2, role.name());
            s.setString(3, normalisedLogin);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    id = r.getString(1);
                    hash = r.getString(2);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw Failures.unavailable("check legacy login", e);
        }
        if (id == null || hash == null) {
            PasswordHashes.verify(DUMMY_HASH, password);   // same work as a wrong password
            return Optional.empty();
        }
        if (!PasswordHashes.verify(hash, password)) {
            return Optional.empty();
        }
        return findById(id);
    }

    @Override
    public AccessRequestReceipt createAccessRequest(AccessRequest request) throws RegistryUnavailableException {
        Objects.requireNonNull(request, "request");
        if (request.requestKey() == null || request.requestKey().isBlank() || request.requestKey().length() > 200) {
            throw new IllegalArgumentException("access request: requestKey must be 1..200 characters");
        }
        checkLength("childFullName", request.childFullName(), 300);
        checkLength("organisationType", request.organisationType(), 32);
        checkLength("organisationId", request.organisationId(), 64);
        checkLength("className", request.className(), 64);
        checkLength("contactEmail", request.contactEmail(), 254);
        checkLength("esiaOid", request.esiaOid(), 32);
        checkLength("requesterFullName", request.requesterFullName(), 300);
        return Transactions.write(database, "create access request", (c, db) -> {
            Optional<String> existing = requestNumber(c, db, request.requestKey());
            if (existing.isPresent()) {
                return new AccessRequestReceipt(existing.get(), false);
            }
            LocalDateTime now = LocalDateTime.now(clock);
            if (request.esiaOid() != null) {
                // One person's requests are decided one at a time (the organisation's row is the lock), so two
                // tabs cannot both pass the checks below.
                lockOrganisation(c, db, request.organisationId());
                Optional<String> open = openRequestNumber(c, db, request.esiaOid(), request.organisationId());
                if (open.isPresent()) {
                    return new AccessRequestReceipt(open.get(), false);
                }
                if (requestsSince(c, db, request.esiaOid(), now.minusHours(24)) >= request.dailyLimitPerPerson()) {
                    LOG.debug("school registry: access request refused, daily limit of the person reached");
                    return AccessRequestReceipt.dailyLimitReached();
                }
            }
            long id;
            try (PreparedStatement s = prepare(c, db, db.nextValueSql("sr_access_request_seq"));
                 ResultSet r = s.executeQuery()) {
                r.next();
                id = r.getLong(1);
            }
            String number = String.format("Р-%d-%06d", now.getYear(), id);
            try (PreparedStatement s = prepare(c, db, "INSERT INTO sr_access_request (id, request_number,"
                    + " request_key, esia_oid, request_role, child_full_name, organisation_type, organisation_id,"
                    + " class_name, contact_email, status, created_at, requester_full_name)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?)")) {
                s.setLong(1, id);
                s.setString(2, number);
                s.setString(3, request.requestKey());
                s.setString(4, request.esiaOid());
                s.setString(5, request.role() == null ? null : request.role().name());
                s.setString(6, request.childFullName());
                s.setString(7, request.organisationType());
                s.setString(8, request.organisationId());
                s.setString(9, request.className());
                s.setString(10, Emails.normalize(request.contactEmail()).orElse(request.contactEmail()));
                s.setTimestamp(11, Timestamp.valueOf(now));
                s.setString(12, request.requesterFullName());
                s.executeUpdate();
            } catch (SQLException e) {
                // A concurrent submit with the same key won the race: answer with its number.
                rollbackQuietly(c);
                if (!Failures.isUniqueViolation(e) && !isConcurrencyConflict(e)) {
                    throw e;
                }
                Optional<String> winner = requestNumber(c, db, request.requestKey());
                if (winner.isEmpty()) {
                    throw e;
                }
                return new AccessRequestReceipt(winner.get(), false);
            }
            LOG.info("school registry: access request created");
            LOG.debugf("school registry: access request %s created", number);
            return new AccessRequestReceipt(number, true);
        });
    }

    // --- students' consents: see JdbcConsents -----------------------------------------------------------------

    @Override
    public Optional<ConsentRecord> findActiveConsent(String studentAccountId, String clientId)
            throws RegistryUnavailableException {
        return consents.findActiveConsent(studentAccountId, clientId);
    }

    @Override
    public Optional<ConsentRequestRecord> findLatestConsentRequest(String studentAccountId, String clientId)
            throws RegistryUnavailableException {
        return consents.findLatestConsentRequest(studentAccountId, clientId);
    }

    @Override
    public ConsentRequestReceipt requestConsent(String studentAccountId, String clientId, boolean studentApproves)
            throws RegistryUnavailableException {
        return consents.requestConsent(studentAccountId, clientId, studentApproves);
    }

    @Override
    public Optional<ConsentRequestRecord> findConsentRequest(long requestId) throws RegistryUnavailableException {
        return consents.findConsentRequest(requestId);
    }

    @Override
    public List<ConsentRequestRecord> findPendingConsentRequests(Collection<String> approverAccountIds)
            throws RegistryUnavailableException {
        return consents.findPendingConsentRequests(approverAccountIds);
    }

    @Override
    public Optional<ConsentRecord> approveConsentRequest(long requestId, String approverAccountId,
            String approverEsiaOid, String textVersion) throws RegistryUnavailableException {
        return consents.approveConsentRequest(requestId, approverAccountId, approverEsiaOid, textVersion);
    }

    @Override
    public boolean declineConsentRequest(long requestId, String approverAccountId) throws RegistryUnavailableException {
        return consents.declineConsentRequest(requestId, approverAccountId);
    }

    @Override
    public List<ConsentRecord> findConsentsGrantedBy(Collection<String> grantorAccountIds)
            throws RegistryUnavailableException {
        return consents.findConsentsGrantedBy(grantorAccountIds);
    }

    @Override
    public boolean revokeConsent(long consentId, String byAccountId) throws RegistryUnavailableException {
        return consents.revokeConsent(consentId, byAccountId);
    }

    @Override
    public Optional<ConsentNoticeRecord> findConsentNotice(long requestId) throws RegistryUnavailableException {
        return notices.find(requestId);
    }

    @Override
    public boolean claimConsentNotice(long requestId, int attemptsSeen) throws RegistryUnavailableException {
        return notices.claim(requestId, attemptsSeen);
    }

    @Override
    public void recordConsentNoticeReached(long requestId, String recipientAccountId) throws RegistryUnavailableException {
        notices.reached(requestId, recipientAccountId);
    }

    @Override
    public Optional<ConsentErasureReceipt> eraseConsentData(String studentAccountId, Collection<String> clientIds,
            String by, String reason) throws RegistryUnavailableException {
        return Optional.of(erasure.erase(studentAccountId, clientIds, by, reason));
    }

    @Override
    public OptionalInt deleteAccessRequests(String esiaOid) throws RegistryUnavailableException {
        if (esiaOid == null || esiaOid.isBlank()) {
            throw new IllegalArgumentException("deleteAccessRequests: the ESIA oid is required");
        }
        return OptionalInt.of(Transactions.write(database, "delete access requests", (c, db) -> {
            try (PreparedStatement s = prepare(c, db, "DELETE FROM sr_access_request WHERE esia_oid = ?")) {
                s.setString(1, esiaOid);
                return s.executeUpdate();
            }
        }));
    }

    @Override
    public List<ConsentRecord> listConsents(String studentAccountIdOrNull, int first, int max)
            throws RegistryUnavailableException {
        return consents.listConsents(studentAccountIdOrNull, first, max);
    }

    @Override
    public Optional<SchoolOffice> office() {
        return Optional.of(office);
    }

    @Override
    public void close() {
        // Connections are borrowed per call; the pool belongs to the factory.
    }

    // ---------------------------------------------------------------------------------------------------------

    private void lockOrganisation(Connection c, RegistryDatabase db, String organisationId) throws SQLException {
        if (organisationId == null) {
            return;
        }
        try (PreparedStatement s = prepare(c, db, "SELECT id FROM sr_organisation WHERE id = ? FOR UPDATE")) {
            s.setString(1, organisationId);
            s.executeQuery().close();
        }
    }

    /** The number of this person's open (status NEW) request to this organisation, if there is one. */
    private Optional<String> openRequestNumber(Connection c, RegistryDatabase db, String esiaOid, String organisationId)
            throws SQLException {
        try (PreparedStatement s = prepare(c, db, "SELECT request_number FROM sr_access_request WHERE esia_oid = ?"
                + " AND status = 'NEW' AND " + (organisationId == null ? "organisation_id IS NULL" : "organisation_id = ?")
                + " ORDER BY created_at")) {
            s.setString(1, esiaOid);
            if (organisationId != null) {
                s.setString(2, organisationId);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private int requestsSince(Connection c, RegistryDatabase db, String esiaOid, LocalDateTime since) throws SQLException {
        try (PreparedStatement s = prepare(c, db,
                "SELECT COUNT(*) FROM sr_access_request WHERE esia_oid = ? AND created_at > ?")) {
            s.setString(1, esiaOid);
            s.setTimestamp(2, Timestamp.valueOf(since));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private Optional<String> requestNumber(Connection c, RegistryDatabase db, String key) throws SQLException {
        try (PreparedStatement s = prepare(c, db, "SELECT request_number FROM sr_access_request WHERE request_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * The accounts of a role that carry a contact. A contact on more accounts of the role than a lookup returns (a
     * placeholder number, a school's own e-mail) finds none: the matcher tells "several people" from the accounts it
     * gets, and any cut of the list could leave out the second namesake and hand the card to the wrong one.
     */
    private List<RegistryAccount> byContact(String operation, String where, RegistryRole role, String contact)
            throws RegistryUnavailableException {
        AccountLookup.Found found = lookup(operation, where, role.name(), contact);
        if (found.moreThanTheLimit()) {
            LOG.infof("school registry: %s: the contact is on more than %d accounts of the role, none returned",
                    operation, MAX_ACCOUNTS);
            return List.of();
        }
        return found.accounts();
    }

    /** The first {@link #MAX_ACCOUNTS} accounts by organisation name and id, with their contacts and documents. */
    private List<RegistryAccount> accounts(String operation, String where, Object... params)
            throws RegistryUnavailableException {
        return lookup(operation, where, params).accounts();
    }

    private AccountLookup.Found lookup(String operation, String where, Object... params)
            throws RegistryUnavailableException {
        RegistryDatabase db = database.get();
        try (Connection c = readOnly(db)) {
            AccountLookup.Found found;
            try (PreparedStatement s = prepare(c, db, AccountLookup.sql(where))) {
                bind(s, params);
                try (ResultSet r = s.executeQuery()) {
                    found = AccountLookup.read(r);
                }
            }
            c.commit();
            return found;
        } catch (SQLException e) {
            throw Failures.unavailable(operation, e);
        }
    }

    /**
     * A read-only connection in a transaction (one snapshot for an account and its contacts). Agroal restores
     * read-only and auto-commit when the connection goes back to the pool.
     */
    static Connection readOnly(RegistryDatabase db) throws SQLException {
        Connection c = db.connection();
        try {
            c.setAutoCommit(true);
            c.setReadOnly(true);
            c.setAutoCommit(false);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    static PreparedStatement prepare(Connection c, RegistryDatabase db, String sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        s.setQueryTimeout(db.config().queryTimeoutSeconds());
        return s;
    }

    static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: the pool will discard it
        }
    }

    /** H2 reports a duplicate key in a concurrent, uncommitted transaction as a lock conflict. */
    static boolean isConcurrencyConflict(SQLException e) {
        return "40001".equals(e.getSQLState()) || "HYT00".equals(e.getSQLState());
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException("access request: " + field + " longer than " + max + " characters");
        }
    }
}
