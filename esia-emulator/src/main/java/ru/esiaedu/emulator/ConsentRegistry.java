package ru.esiaedu.emulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * ESIA's side of the students' consents (docs/esia-consent-adapter.md), in memory: requests per (client system,
 * student), the consents they led to, and the recipients' notifications. Every method is synchronized, so an
 * answer and the notifications it causes happen together (a repeated request never notifies twice).
 */
final class ConsentRegistry {
    enum RequestStatus { PENDING, APPROVED, DECLINED }

    /** What a person's action came to. */
    enum Result { DONE, NOT_FOUND, FORBIDDEN, ALREADY_GRANTED, ALREADY_DECLINED, ALREADY_REVOKED }

    /**
     * A request for consent.
     *
     * @param scopes     the scopes of the student's token (what data the client system receives)
     * @param seq        creation order (the status rules compare it with revocations)
     * @param decidedBy  the recipient who approved or declined it, null while pending
     */
    record ConsentRequest(String id, String clientId, String clientName, long studentOid, List<Long> recipients,
                          String purpose, String responsibleObject, List<String> scopes, Instant created, long seq,
                          RequestStatus status, Long decidedBy, Instant decided) {

        ConsentRequest decide(RequestStatus s, Long by, Instant at) {
            return new ConsentRequest(id, clientId, clientName, studentOid, recipients, purpose, responsibleObject,
                    scopes, created, seq, s, by, at);
        }
    }

    /**
     * A consent of one grantor for (client system, student); kept after revocation.
     *
     * @param recipients who may revoke it besides the grantor (the original request's recipients)
     * @param requestId  the request it answered, null when granted through the test hooks without one
     * @param revokedBy  who revoked it, null while active or when revoked through the test hooks
     */
    record Consent(String id, String clientId, String clientName, long studentOid, long grantorOid,
                   List<Long> recipients, String requestId, Instant granted, Instant revoked, Long revokedBy,
                   long revokedSeq) {

        boolean active() {
            return revoked == null;
        }

        boolean concerns(long oid) {
            return grantorOid == oid || recipients.contains(oid);
        }

        Consent revoke(Long by, Instant at, long seq) {
            return new Consent(id, clientId, clientName, studentOid, grantorOid, recipients, requestId, granted, at, by, seq);
        }
    }

    /** @param requestId the request it is about, or null (then it links to the consents page) */
    record Notification(String id, long recipientOid, String title, String text, String requestId, Instant created,
                        boolean read) {
    }

    /** The answer of {@code POST /consent/v1/requests}. */
    record Outcome(String requestId, boolean created, int recipients) {
    }

    /** The answer of {@code GET /consent/v1/status}; {@code grantor} and {@code requestId} may be null. */
    record State(String status, String grantor, String requestId) {
    }

    private final PersonDirectory persons;
    private final Clock clock;
    private final Map<String, ConsentRequest> requests = new LinkedHashMap<>();
    private final Map<String, Consent> consents = new LinkedHashMap<>();
    private final List<Notification> notifications = new ArrayList<>();
    private long seq;

    ConsentRegistry(PersonDirectory persons, Clock clock) {
        this.persons = persons;
        this.clock = clock;
    }

    /**
     * Opens a request and notifies its recipients, unless one is pending (or a consent is active): then nothing
     * new happens and the existing request is named.
     */
    synchronized Outcome request(String clientId, String clientName, long studentOid, List<Long> recipients,
                                 String purpose, String responsibleObject, List<String> scopes) {
        Optional<Consent> active = activeConsent(clientId, studentOid);
        Optional<ConsentRequest> newest = newestRequest(clientId, studentOid);
        if (active.isPresent()) {
            return new Outcome(newest.map(ConsentRequest::id).orElse(null), false, active.get().recipients().size());
        }
        if (newest.isPresent() && newest.get().status() == RequestStatus.PENDING) {
            return new Outcome(newest.get().id(), false, newest.get().recipients().size());
        }
        ConsentRequest r = new ConsentRequest(UUID.randomUUID().toString(), clientId, clientName, studentOid,
                List.copyOf(recipients), purpose, responsibleObject, List.copyOf(scopes), clock.instant(), ++seq,
                RequestStatus.PENDING, null, null);
        requests.put(r.id(), r);
        for (long to : r.recipients()) {
            notify(to, "Запрос согласия на обработку персональных данных", to == studentOid
                    ? "Система «" + clientName + "» запрашивает ваше согласие на обработку персональных данных. "
                            + "Ознакомьтесь с запросом и подтвердите или отклоните его."
                    : "Система «" + clientName + "» запрашивает согласие на обработку персональных данных: "
                            + name(studentOid) + ". Ознакомьтесь с запросом и подтвердите или отклоните его.", r.id());
        }
        return new Outcome(r.id(), true, r.recipients().size());
    }

    /** The status rules of docs/esia-consent-adapter.md. */
    synchronized State status(String clientId, long studentOid) {
        Optional<ConsentRequest> newest = newestRequest(clientId, studentOid);
        String requestId = newest.map(ConsentRequest::id).orElse(null);
        Optional<Consent> active = activeConsent(clientId, studentOid);
        if (active.isPresent()) {
            String grantor = active.get().grantorOid() == studentOid ? "SELF" : "PARENT";
            return new State("GRANTED", grantor, requestId != null ? requestId : active.get().requestId());
        }
        Optional<Consent> lastRevoked = consents.values().stream()
                .filter(c -> c.clientId().equals(clientId) && c.studentOid() == studentOid && !c.active())
                .max(Comparator.comparingLong(Consent::revokedSeq));
        if (lastRevoked.isPresent() && (newest.isEmpty() || newest.get().seq() < lastRevoked.get().revokedSeq())) {
            return new State("REVOKED", null, requestId);
        }
        if (newest.isPresent() && newest.get().status() != RequestStatus.APPROVED) {
            return new State(newest.get().status().name(), null, requestId);
        }
        return new State("NONE", null, requestId);
    }

    synchronized Optional<ConsentRequest> request(String id) {
        return Optional.ofNullable(id == null ? null : requests.get(id));
    }

    /** Requests addressed to this person, newest first. */
    synchronized List<ConsentRequest> addressedTo(long oid) {
        return requests.values().stream().filter(r -> r.recipients().contains(oid))
                .sorted(Comparator.comparingLong(ConsentRequest::seq).reversed()).toList();
    }

    /** Consents this person granted or may revoke, newest first. */
    synchronized List<Consent> consentsOf(long oid) {
        List<Consent> list = new ArrayList<>(consents.values().stream().filter(c -> c.concerns(oid)).toList());
        java.util.Collections.reverse(list);
        return list;
    }

    /** The consent that answered this request, if any. */
    synchronized Optional<Consent> consentFor(String requestId) {
        return consents.values().stream().filter(c -> requestId.equals(c.requestId())).findFirst();
    }

    synchronized Result approve(String requestId, long oid) {
        ConsentRequest r = requests.get(requestId);
        Result refused = refusal(r, oid);
        if (refused != null) {
            return refused;
        }
        Instant now = clock.instant();
        requests.put(r.id(), r.decide(RequestStatus.APPROVED, oid, now));
        Consent c = new Consent(UUID.randomUUID().toString(), r.clientId(), r.clientName(), r.studentOid(), oid,
                r.recipients(), r.id(), now, null, null, 0);
        consents.put(c.id(), c);
        for (long to : r.recipients()) {
            if (to != oid) {
                notify(to, "Согласие выдано", "Другой родитель выдал согласие на обработку персональных данных: "
                        + name(r.studentOid()) + ", система «" + r.clientName() + "».", r.id());
            }
        }
        return Result.DONE;
    }

    synchronized Result decline(String requestId, long oid) {
        ConsentRequest r = requests.get(requestId);
        Result refused = refusal(r, oid);
        if (refused != null) {
            return refused;
        }
        requests.put(r.id(), r.decide(RequestStatus.DECLINED, oid, clock.instant()));
        for (long to : r.recipients()) {
            if (to != oid) {
                notify(to, "Запрос согласия отклонён", "Другой родитель отклонил запрос согласия на обработку "
                        + "персональных данных: " + name(r.studentOid()) + ", система «" + r.clientName() + "».", r.id());
            }
        }
        return Result.DONE;
    }

    private static Result refusal(ConsentRequest r, long oid) {
        if (r == null) {
            return Result.NOT_FOUND;
        }
        if (!r.recipients().contains(oid)) {
            return Result.FORBIDDEN;
        }
        return switch (r.status()) {
            case APPROVED -> Result.ALREADY_GRANTED;
            case DECLINED -> Result.ALREADY_DECLINED;
            case PENDING -> null;
        };
    }

    /** The grantor or any recipient of the original request may revoke. */
    synchronized Result revoke(String consentId, long oid) {
        Consent c = consentId == null ? null : consents.get(consentId);
        if (c == null) {
            return Result.NOT_FOUND;
        }
        if (!c.concerns(oid)) {
            return Result.FORBIDDEN;
        }
        if (!c.active()) {
            return Result.ALREADY_REVOKED;
        }
        consents.put(c.id(), c.revoke(oid, clock.instant(), ++seq));
        Set<Long> others = new LinkedHashSet<>(c.recipients());
        others.add(c.grantorOid());
        others.remove(oid);
        for (long to : others) {
            notify(to, "Согласие отозвано", "Другой родитель отозвал согласие на обработку персональных данных: "
                    + name(c.studentOid()) + ", система «" + c.clientName() + "».", c.requestId());
        }
        return Result.DONE;
    }

    synchronized List<Notification> notificationsOf(long oid) {
        List<Notification> list = new ArrayList<>(notifications.stream().filter(n -> n.recipientOid() == oid).toList());
        java.util.Collections.reverse(list);
        return list;
    }

    synchronized long unread(long oid) {
        return notifications.stream().filter(n -> n.recipientOid() == oid && !n.read()).count();
    }

    synchronized void markRead(long oid) {
        notifications.replaceAll(n -> n.recipientOid() == oid && !n.read()
                ? new Notification(n.id(), n.recipientOid(), n.title(), n.text(), n.requestId(), n.created(), true) : n);
    }

    // ---- test hooks (no notifications) ----

    /**
     * A consent as if the grantor had approved: answers the pending request if there is one, else stands alone.
     * Returns the id of the new (or already active) consent.
     */
    synchronized String grant(String clientId, String clientName, long studentOid, long grantorOid, List<Long> recipients) {
        Optional<Consent> active = activeConsent(clientId, studentOid);
        if (active.isPresent()) {
            return active.get().id();
        }
        Instant now = clock.instant();
        Optional<ConsentRequest> pending = newestRequest(clientId, studentOid).filter(r -> r.status() == RequestStatus.PENDING);
        pending.ifPresent(r -> requests.put(r.id(), r.decide(RequestStatus.APPROVED, grantorOid, now)));
        Consent c = new Consent(UUID.randomUUID().toString(), clientId, clientName, studentOid, grantorOid,
                pending.map(ConsentRequest::recipients).orElse(List.copyOf(recipients)),
                pending.map(ConsentRequest::id).orElse(null), now, null, null, 0);
        consents.put(c.id(), c);
        return c.id();
    }

    /** Revokes every active consent of the student (any client system); returns how many. */
    synchronized int revokeAll(long studentOid) {
        Instant now = clock.instant();
        int n = 0;
        for (Consent c : List.copyOf(consents.values())) {
            if (c.studentOid() == studentOid && c.active()) {
                consents.put(c.id(), c.revoke(null, now, ++seq));
                n++;
            }
        }
        return n;
    }

    /** Requests about the student, oldest first. */
    synchronized List<ConsentRequest> requestsOf(long studentOid) {
        return requests.values().stream().filter(r -> r.studentOid() == studentOid).toList();
    }

    synchronized void reset() {
        requests.clear();
        consents.clear();
        notifications.clear();
    }

    private Optional<Consent> activeConsent(String clientId, long studentOid) {
        return consents.values().stream()
                .filter(c -> c.clientId().equals(clientId) && c.studentOid() == studentOid && c.active()).findFirst();
    }

    private Optional<ConsentRequest> newestRequest(String clientId, long studentOid) {
        return requests.values().stream().filter(r -> r.clientId().equals(clientId) && r.studentOid() == studentOid)
                .max(Comparator.comparingLong(ConsentRequest::seq));
    }

    private void notify(long to, String title, String text, String requestId) {
        notifications.add(new Notification(UUID.randomUUID().toString(), to, title, text, requestId, clock.instant(), false));
    }

    private String name(long oid) {
        return persons.find(oid).map(Person::displayName).orElse("—");
    }
}
