package ru.esiaedu.linker.link;

import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * The brute-force numbers of the realm («Обнаружение атак перебором»), applied to the legacy-login form.
 * When the realm has brute-force detection off, Keycloak's own defaults apply anyway: the legacy password
 * check must never be an unlimited oracle.
 *
 * @param failureFactor         failures before the first lock
 * @param waitIncrementSeconds  lock length step
 * @param maxFailureWaitSeconds longest lock
 * @param maxDeltaTimeSeconds   failures older than this (since the last one) are forgotten
 * @param multiple              {@code MULTIPLE} strategy (lock grows every failureFactor failures) vs {@code LINEAR}
 */
public record AttemptPolicy(int failureFactor, int waitIncrementSeconds, int maxFailureWaitSeconds,
                            int maxDeltaTimeSeconds, boolean multiple) {

    /** Keycloak's defaults for a new realm (RealmRepresentation / admin console). */
    public static final AttemptPolicy KEYCLOAK_DEFAULTS = new AttemptPolicy(30, 60, 900, 43200, true);

    public AttemptPolicy {
        failureFactor = Math.max(1, failureFactor);
        waitIncrementSeconds = Math.max(1, waitIncrementSeconds);
        maxFailureWaitSeconds = Math.max(waitIncrementSeconds, maxFailureWaitSeconds);
        maxDeltaTimeSeconds = Math.max(1, maxDeltaTimeSeconds);
    }

    public static AttemptPolicy of(RealmModel realm) {
        if (!realm.isBruteForceProtected()) {
            return KEYCLOAK_DEFAULTS;
        }
        // Permanent lockout is not copied: there is no Keycloak user to disable and nobody could unlock an oid;
        // such realms get the longest temporary lock instead (see docs).
        return new AttemptPolicy(realm.getFailureFactor(), realm.getWaitIncrementSeconds(),
                realm.getMaxFailureWaitSeconds(), realm.getMaxDeltaTimeSeconds(),
                realm.getBruteForceStrategy() != RealmRepresentation.BruteForceStrategy.LINEAR);
    }

    /** How long an entry must live in the store so that nothing is forgotten early. */
    public long storeLifespanSeconds() {
        return (long) maxDeltaTimeSeconds + maxFailureWaitSeconds;
    }
}
