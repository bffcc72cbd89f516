package ru.esiaedu.consent.registry.approval;

import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.events.EventType;

import ru.esiaedu.consent.ConsentIds;
import ru.esiaedu.consent.registry.RegistryConsentEvents;

/**
 * A Keycloak event to record after a decision: {@code GRANT_CONSENT}, {@code REVOKE_GRANT}, or
 * {@code UPDATE_CONSENT} with {@code consent_action=declined}. Ids only.
 */
public record ConsentEvent(EventType type, long requestId, Long consentId, String studentAccountId, String action) {

    public static ConsentEvent granted(long requestId, long consentId, String studentAccountId) {
        return new ConsentEvent(EventType.GRANT_CONSENT, requestId, consentId, studentAccountId, null);
    }

    public static ConsentEvent declined(long requestId, String studentAccountId) {
        return new ConsentEvent(EventType.UPDATE_CONSENT, requestId, null, studentAccountId,
                RegistryConsentEvents.ACTION_DECLINED);
    }

    public static ConsentEvent revoked(long requestId, long consentId, String studentAccountId) {
        return new ConsentEvent(EventType.REVOKE_GRANT, requestId, consentId, studentAccountId, null);
    }

    /** Detail name → value, in a stable order. */
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put(RegistryConsentEvents.SOURCE, ConsentIds.SOURCE_REGISTRY);
        details.put(RegistryConsentEvents.REQUEST_ID, Long.toString(requestId));
        if (consentId != null) {
            details.put(RegistryConsentEvents.CONSENT_ID, Long.toString(consentId));
        }
        details.put(RegistryConsentEvents.STUDENT_ACCOUNT_ID, studentAccountId);
        if (action != null) {
            details.put(RegistryConsentEvents.ACTION, action);
        }
        return details;
    }
}
