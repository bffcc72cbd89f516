package ru.esiaedu.linker.admin;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import ru.esiaedu.registry.ConsentErasureReceipt;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/**
 * Forgetting one ESIA person on their request (152-ФЗ art. 14, 21): every registry account linked to the oid is
 * unlinked, their «Обратиться в организацию» requests are deleted, a linked student's consent data is erased as by
 * {@code esia-consents/erasure} (consent records stay, marked with the reason: the proof of consent the operator must
 * keep), and only then the Keycloak user goes — so a registry outage leaves the person findable for a retry.
 */
final class PersonErasure {

    static final int MAX_REASON = 300;
    static final int MAX_ID = 64;

    /** The Keycloak side: the person's user in this realm. */
    interface KeycloakPerson {
        /** Deletes the user with their sessions, federated identities and consents to clients. */
        void forget();
    }

    /** The body of {@code POST …/esia-links/erasure}: exactly one of {@code esiaOid} / {@code userId}, and why. */
    record Order(String esiaOid, String userId, String reason) {

        /** @throws InvalidOrderException naming the field only (echoes nothing) */
        static Order of(String esiaOid, String userId, String reason) {
            String oid = blankToNull(esiaOid);
            String user = blankToNull(userId);
            if ((oid == null) == (user == null)) {
                throw new InvalidOrderException("give exactly one of esiaOid or userId");
            }
            String id = oid != null ? oid : user;
            if (id.length() > MAX_ID || id.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidOrderException((oid != null ? "esiaOid" : "userId") + " is not an identifier");
            }
            String why = reason == null ? "" : reason.strip();
            if (why.isEmpty() || why.length() > MAX_REASON || why.chars().anyMatch(ch -> ch < 0x20)) {
                throw new InvalidOrderException("reason must be 1-" + MAX_REASON + " characters on one line");
            }
            return new Order(oid, user, why);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** A request body that cannot be carried out; the message names fields only. */
    static final class InvalidOrderException extends RuntimeException {
        InvalidOrderException(String message) {
            super(message);
        }
    }

    /** What the admin is told: counts only. {@code -1} where the registry cannot erase that part. */
    record Result(int accountsUnlinked, int accessRequestsDeleted, int consentRequestsDeleted, int consentsRevoked,
                  int consentsKept) {

        Map<String, Object> asJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("userDeleted", true);
            json.put("accountsUnlinked", accountsUnlinked);
            json.put("accessRequestsDeleted", accessRequestsDeleted);
            json.put("consentRequestsDeleted", consentRequestsDeleted);
            json.put("consentsRevoked", consentsRevoked);
            json.put("consentsKept", consentsKept);
            return json;
        }
    }

    private PersonErasure() {
    }

    /**
     * @param realmClientIds the client ids of the realm: consent data of other realms' clients is not touched
     * @param by             {@code admin:<keycloak user id>}
     */
    static Result run(SchoolRegistryProvider registry, Collection<String> realmClientIds, String oid, String by,
                      String reason, KeycloakPerson person) throws RegistryUnavailableException {
        int unlinked = 0;
        int consentRequests = 0;
        int revoked = 0;
        int kept = 0;
        boolean consentsErasable = true;
        for (RegistryAccount account : registry.findLinked(oid)) {
            if (account.role() == RegistryRole.STUDENT) {
                Optional<ConsentErasureReceipt> receipt = registry.eraseConsentData(account.id(), realmClientIds, by,
                        reason);
                if (receipt.isPresent()) {
                    consentRequests += receipt.get().requestsDeleted();
                    revoked += receipt.get().consentsRevoked();
                    kept += receipt.get().consentsKept();
                } else {
                    consentsErasable = false;
                }
            }
            if (registry.unlink(account.id(), oid, by, reason)) {
                unlinked++;
            }
        }
        OptionalInt requests = registry.deleteAccessRequests(oid);
        person.forget();
        return new Result(unlinked, requests.orElse(-1), consentsErasable ? consentRequests : -1,
                consentsErasable ? revoked : -1, consentsErasable ? kept : -1);
    }
}
