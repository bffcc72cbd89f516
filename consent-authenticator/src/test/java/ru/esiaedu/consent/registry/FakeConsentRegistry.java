package ru.esiaedu.consent.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ru.esiaedu.registry.AccessRequest;
import ru.esiaedu.registry.AccessRequestReceipt;
import ru.esiaedu.registry.ConsentErasureReceipt;
import ru.esiaedu.registry.ConsentNoticeRecord;
import ru.esiaedu.registry.ConsentRecord;
import ru.esiaedu.registry.ConsentRequestReceipt;
import ru.esiaedu.registry.ConsentRequestRecord;
import ru.esiaedu.registry.ConsentRequestStatus;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/**
 * In-memory registry with the consent semantics of {@link SchoolRegistryProvider}'s javadoc (parents from
 * {@link #parentOf}); records every call so tests can see what was asked and what was written.
 */
public final class FakeConsentRegistry implements SchoolRegistryProvider {

    public static final Organisation SCHOOL = new Organisation("sch-1", "SCHOOL", "МБОУ СОШ № 1", "Челябинск");

    public final Map<String, RegistryAccount> accounts = new LinkedHashMap<>();
    /** student account id → parent account ids */
    public final Map<String, List<String>> parents = new LinkedHashMap<>();
    public final Map<Long, ConsentRequestRecord> requests = new LinkedHashMap<>();
    public final Map<Long, ConsentRecord> consents = new LinkedHashMap<>();
    public final List<String> calls = new ArrayList<>();
    public boolean down;
    /** Fail only these operations (method names), e.g. "findById". */
    public final List<String> downFor = new ArrayList<>();
    private long nextRequestId = 100;
    private long nextConsentId = 500;
    private Instant now = Instant.parse("2026-11-20T10:00:00Z");
    /** request id → its mail state (absent: never tried). */
    public final Map<Long, ConsentNoticeRecord> notices = new LinkedHashMap<>();
    /** When a claimed mail attempt is dated (the source's clock in tests that look at it). */
    public Clock noticeClock = Clock.fixed(now, ZoneOffset.UTC);
    /** False: a registry that keeps no mail state (the SPI's defaults). */
    public boolean keepsNotices = true;
    /** Runs once at the next claim, before it: another login at the same moment. */
    public ThrowingRunnable beforeClaim;

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws RegistryUnavailableException;
    }

    public static RegistryAccount account(String id, RegistryRole role, String className, String last, String first,
                                          List<String> emails, String oid) {
        return new RegistryAccount(id, role, SCHOOL, className, last, first, null, LocalDate.of(2012, 5, 1), null,
                List.of(), emails, List.of(), oid);
    }

    public FakeConsentRegistry add(RegistryAccount account) {
        accounts.put(account.id(), account);
        return this;
    }

    public FakeConsentRegistry parentOf(String studentId, String... parentIds) {
        parents.put(studentId, List.of(parentIds));
        return this;
    }

    private void call(String name) throws RegistryUnavailableException {
        calls.add(name);
        if (down || downFor.contains(name)) {
            throw new RegistryUnavailableException("down", null);
        }
    }

    private Instant tick() {
        now = now.plusSeconds(60);
        return now;
    }

    // --- consents ---------------------------------------------------------------------------------------------

    @Override
    public Optional<ConsentRecord> findActiveConsent(String studentAccountId, String clientId) throws RegistryUnavailableException {
        call("findActiveConsent");
        return consents.values().stream()
                .filter(c -> c.studentAccountId().equals(studentAccountId) && c.clientId().equals(clientId) && c.active())
                .findFirst();
    }

    @Override
    public Optional<ConsentRequestRecord> findLatestConsentRequest(String studentAccountId, String clientId)
            throws RegistryUnavailableException {
        call("findLatestConsentRequest");
        return requests.values().stream()
                .filter(r -> r.studentAccountId().equals(studentAccountId) && r.clientId().equals(clientId))
                .max(Comparator.comparingLong(ConsentRequestRecord::id));
    }

    @Override
    public ConsentRequestReceipt requestConsent(String studentAccountId, String clientId, boolean studentApproves)
            throws RegistryUnavailableException {
        call("requestConsent");
        Optional<ConsentRequestRecord> pending = requests.values().stream()
                .filter(r -> r.studentAccountId().equals(studentAccountId) && r.clientId().equals(clientId)
                        && r.status() == ConsentRequestStatus.PENDING)
                .findFirst();
        if (pending.isPresent()) {
            return new ConsentRequestReceipt(pending.get(), false, recipients(pending.get()));
        }
        List<String> recipientIds = studentApproves ? List.of(studentAccountId)
                : parents.getOrDefault(studentAccountId, List.of());
        ConsentRequestRecord request = new ConsentRequestRecord(nextRequestId++, studentAccountId, clientId,
                ConsentRequestStatus.PENDING, studentApproves, recipientIds, tick(), null, null);
        requests.put(request.id(), request);
        return new ConsentRequestReceipt(request, true, recipients(request));
    }

    private List<RegistryAccount> recipients(ConsentRequestRecord request) {
        return request.recipientAccountIds().stream().map(accounts::get).filter(a -> a != null).toList();
    }

    /** A request in any state, for tests that start from a given situation. */
    public ConsentRequestRecord putRequest(String studentAccountId, String clientId, ConsentRequestStatus status,
                                           boolean studentApproves, String... recipients) {
        ConsentRequestRecord request = new ConsentRequestRecord(nextRequestId++, studentAccountId, clientId, status,
                studentApproves, List.of(recipients), tick(), status == ConsentRequestStatus.PENDING ? null : now,
                status == ConsentRequestStatus.PENDING ? null : recipients[0]);
        requests.put(request.id(), request);
        return request;
    }

    @Override
    public Optional<ConsentNoticeRecord> findConsentNotice(long requestId) throws RegistryUnavailableException {
        call("findConsentNotice");
        if (!keepsNotices || !requests.containsKey(requestId)) {
            return Optional.empty();
        }
        return Optional.of(notices.getOrDefault(requestId, new ConsentNoticeRecord(requestId, 0, null, Set.of())));
    }

    @Override
    public boolean claimConsentNotice(long requestId, int attemptsSeen) throws RegistryUnavailableException {
        if (beforeClaim != null) {
            beforeClaim.run();
        }
        call("claimConsentNotice");
        ConsentRequestRecord request = requests.get(requestId);
        if (!keepsNotices || request == null || request.status() != ConsentRequestStatus.PENDING) {
            return false;
        }
        ConsentNoticeRecord current = notices.getOrDefault(requestId, new ConsentNoticeRecord(requestId, 0, null, Set.of()));
        if (current.attempts() != attemptsSeen) {
            return false;
        }
        notices.put(requestId, new ConsentNoticeRecord(requestId, attemptsSeen + 1, noticeClock.instant(),
                current.reachedAccountIds()));
        return true;
    }

    @Override
    public void recordConsentNoticeReached(long requestId, String recipientAccountId) throws RegistryUnavailableException {
        call("recordConsentNoticeReached");
        ConsentNoticeRecord current = notices.get(requestId);
        if (!keepsNotices || current == null) {
            return;
        }
        Set<String> reached = new HashSet<>(current.reachedAccountIds());
        reached.add(recipientAccountId);
        notices.put(requestId, new ConsentNoticeRecord(requestId, current.attempts(), current.lastAttemptAt(), reached));
    }

    /** consent id → "by|reason" of its erasure. */
    public final Map<Long, String> erasures = new LinkedHashMap<>();
    public boolean erases = true;

    @Override
    public Optional<ConsentErasureReceipt> eraseConsentData(String studentAccountId, Collection<String> clientIds,
            String by, String reason) throws RegistryUnavailableException {
        call("eraseConsentData");
        if (!erases) {
            return Optional.empty();
        }
        List<Long> open = requests.values().stream()
                .filter(r -> r.studentAccountId().equals(studentAccountId) && clientIds.contains(r.clientId())
                        && r.status() != ConsentRequestStatus.APPROVED)
                .map(ConsentRequestRecord::id).toList();
        open.forEach(requests::remove);
        List<String> revokedClients = new ArrayList<>();
        int revoked = 0;
        int kept = 0;
        for (ConsentRecord c : new ArrayList<>(consents.values())) {
            if (!c.studentAccountId().equals(studentAccountId) || !clientIds.contains(c.clientId())) {
                continue;
            }
            kept++;
            if (c.active()) {
                revoked++;
                revokedClients.add(c.clientId());
                consents.put(c.id(), new ConsentRecord(c.id(), c.requestId(), c.studentAccountId(), c.clientId(),
                        c.grantorAccountId(), c.grantorEsiaOid(), c.selfGranted(), c.textVersion(), c.grantedAt(),
                        tick(), studentAccountId));
            }
            erasures.putIfAbsent(c.id(), by + "|" + reason);
        }
        return Optional.of(new ConsentErasureReceipt(open.size(), revoked, kept, revokedClients));
    }

    @Override
    public Optional<ConsentRequestRecord> findConsentRequest(long requestId) throws RegistryUnavailableException {
        call("findConsentRequest");
        return Optional.ofNullable(requests.get(requestId));
    }

    @Override
    public List<ConsentRequestRecord> findPendingConsentRequests(Collection<String> approverAccountIds)
            throws RegistryUnavailableException {
        call("findPendingConsentRequests");
        return requests.values().stream()
                .filter(r -> r.status() == ConsentRequestStatus.PENDING
                        && r.recipientAccountIds().stream().anyMatch(approverAccountIds::contains))
                .toList();
    }

    @Override
    public Optional<ConsentRecord> approveConsentRequest(long requestId, String approverAccountId, String approverEsiaOid,
                                                         String textVersion) throws RegistryUnavailableException {
        call("approveConsentRequest");
        ConsentRequestRecord request = requests.get(requestId);
        if (request == null || !request.recipientAccountIds().contains(approverAccountId)) {
            return Optional.empty();
        }
        if (request.status() == ConsentRequestStatus.APPROVED) {
            return consents.values().stream().filter(c -> c.requestId() == requestId).findFirst();
        }
        if (request.status() != ConsentRequestStatus.PENDING) {
            return Optional.empty();
        }
        Instant at = tick();
        requests.put(requestId, new ConsentRequestRecord(requestId, request.studentAccountId(), request.clientId(),
                ConsentRequestStatus.APPROVED, request.studentApproves(), request.recipientAccountIds(),
                request.createdAt(), at, approverAccountId));
        ConsentRecord consent = new ConsentRecord(nextConsentId++, requestId, request.studentAccountId(),
                request.clientId(), approverAccountId, approverEsiaOid, request.studentApproves(), textVersion, at,
                null, null);
        consents.put(consent.id(), consent);
        return Optional.of(consent);
    }

    @Override
    public boolean declineConsentRequest(long requestId, String approverAccountId) throws RegistryUnavailableException {
        call("declineConsentRequest");
        ConsentRequestRecord request = requests.get(requestId);
        if (request == null || request.status() != ConsentRequestStatus.PENDING
                || !request.recipientAccountIds().contains(approverAccountId)) {
            return false;
        }
        requests.put(requestId, new ConsentRequestRecord(requestId, request.studentAccountId(), request.clientId(),
                ConsentRequestStatus.DECLINED, request.studentApproves(), request.recipientAccountIds(),
                request.createdAt(), tick(), approverAccountId));
        return true;
    }

    @Override
    public List<ConsentRecord> findConsentsGrantedBy(Collection<String> grantorAccountIds) throws RegistryUnavailableException {
        call("findConsentsGrantedBy");
        return consents.values().stream().filter(c -> grantorAccountIds.contains(c.grantorAccountId()))
                .sorted(Comparator.comparing(ConsentRecord::grantedAt).reversed()).toList();
    }

    @Override
    public boolean revokeConsent(long consentId, String byAccountId) throws RegistryUnavailableException {
        call("revokeConsent");
        ConsentRecord consent = consents.get(consentId);
        if (consent == null || !consent.active()) {
            return false;
        }
        boolean allowed = consent.grantorAccountId().equals(byAccountId)
                || parents.getOrDefault(consent.studentAccountId(), List.of()).contains(byAccountId);
        if (!allowed) {
            return false;
        }
        consents.put(consentId, new ConsentRecord(consent.id(), consent.requestId(), consent.studentAccountId(),
                consent.clientId(), consent.grantorAccountId(), consent.grantorEsiaOid(), consent.selfGranted(),
                consent.textVersion(), consent.grantedAt(), tick(), byAccountId));
        return true;
    }

    @Override
    public List<ConsentRecord> listConsents(String studentAccountIdOrNull, int first, int max) throws RegistryUnavailableException {
        call("listConsents");
        return consents.values().stream()
                .filter(c -> studentAccountIdOrNull == null || c.studentAccountId().equals(studentAccountIdOrNull))
                .sorted(Comparator.comparing(ConsentRecord::grantedAt).reversed())
                .skip(first).limit(max).toList();
    }

    // --- accounts ---------------------------------------------------------------------------------------------

    @Override
    public List<RegistryAccount> findLinked(String esiaOid) throws RegistryUnavailableException {
        call("findLinked");
        return accounts.values().stream().filter(a -> esiaOid.equals(a.esiaOid())).toList();
    }

    @Override
    public Optional<RegistryAccount> findById(String accountId) throws RegistryUnavailableException {
        call("findById");
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public List<RegistryAccount> findBySnils(RegistryRole role, String normalisedSnils) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<RegistryAccount> findByPhone(RegistryRole role, String normalisedPhone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<RegistryAccount> findByEmail(RegistryRole role, String normalisedEmail) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<RegistryAccount> findByNameAndBirthDate(RegistryRole role, String last, String first, String middle,
                                                        LocalDate birthDate) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean link(String accountId, String esiaOid, ru.esiaedu.registry.LinkRule how) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean unlink(String accountId, String esiaOid, String by, String reason) {
        throw new UnsupportedOperationException("the consent source never unlinks");
    }

    @Override
    public List<Organisation> organisations() {
        return List.of(SCHOOL);
    }

    @Override
    public Optional<RegistryAccount> checkLegacyLogin(String organisationId, RegistryRole role, String login, char[] password) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AccessRequestReceipt createAccessRequest(AccessRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
