package ru.esiaedu.consent.registry.admin;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import ru.esiaedu.consent.access.ConsentEndsAccess;
import ru.esiaedu.consent.access.EndedSessions;
import ru.esiaedu.consent.access.StudentAccess;
import ru.esiaedu.consent.access.StudentSessions;
import ru.esiaedu.registry.ConsentErasureReceipt;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/**
 * Erasure of one student's consent data on the person's request, for the client systems of one realm: the registry
 * removes what no consent rests on and revokes what is in force, keeping each consent record with the erasure's
 * reason (the operator's proof of consent); the student's sessions of the revoked clients end as at «Отозвать».
 */
final class ConsentErasure {

    static final int MAX_REASON = 300;

    /** The body of {@code POST …/esia-consents/erasure}. */
    record Order(String student, String reason) {

        /** @throws ConsentQuery.InvalidQueryException naming the field only (echoes nothing) */
        static Order of(String student, String reason) {
            String id = student == null ? "" : student.strip();
            if (id.isEmpty() || id.length() > ConsentQuery.MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
                throw new ConsentQuery.InvalidQueryException("student must be a registry account id");
            }
            String why = reason == null ? "" : reason.strip();
            if (why.isEmpty() || why.length() > MAX_REASON || why.chars().anyMatch(ch -> ch < 0x20)) {
                throw new ConsentQuery.InvalidQueryException("reason must be 1-" + MAX_REASON + " characters on one line");
            }
            return new Order(id, why);
        }
    }

    /** What the admin is told: counts only. */
    record Result(int requestsDeleted, int consentsRevoked, int consentsKept, int endedSessions,
                  int endedOfflineSessions) {

        Map<String, Integer> asJson() {
            Map<String, Integer> json = new LinkedHashMap<>();
            json.put("requestsDeleted", requestsDeleted);
            json.put("consentsRevoked", consentsRevoked);
            json.put("consentsKept", consentsKept);
            json.put("endedSessions", endedSessions);
            json.put("endedOfflineSessions", endedOfflineSessions);
            return json;
        }
    }

    private ConsentErasure() {
    }

    /** @return empty when the registry cannot erase */
    static Optional<Result> run(SchoolRegistryProvider registry, Collection<String> realmClientIds,
                                StudentSessions sessions, String by, Order order) throws RegistryUnavailableException {
        Optional<ConsentErasureReceipt> receipt = registry.eraseConsentData(order.student(), realmClientIds, by,
                order.reason());
        if (receipt.isEmpty()) {
            return Optional.empty();
        }
        ConsentEndsAccess ending = new ConsentEndsAccess(registry, sessions);
        int online = 0;
        int offline = 0;
        for (String client : receipt.get().revokedClientIds()) {
            EndedSessions ended = ending.end(new StudentAccess(order.student(), client));
            online += ended.online();
            offline += ended.offline();
        }
        ConsentErasureReceipt done = receipt.get();
        return Optional.of(new Result(done.requestsDeleted(), done.consentsRevoked(), done.consentsKept(), online, offline));
    }
}
