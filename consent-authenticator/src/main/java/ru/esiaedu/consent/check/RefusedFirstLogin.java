package ru.esiaedu.consent.check;

import ru.esiaedu.login.age.AgeGroup;
import ru.esiaedu.registry.RegistryRole;

/**
 * Whether a blocked login is to leave nothing behind: the first login of a minor student whose Keycloak user was
 * created in this very login ("nothing about a student before consent" — the first-broker-login flow creates the
 * user before this step can ask). A returning user, an adult (who may consent on the page themself), a parent or staff
 * member is never removed; neither is anyone who passed.
 */
final class RefusedFirstLogin {

    private RefusedFirstLogin() {
    }

    static boolean forgets(ConsentOutcome outcome, RegistryRole role, boolean userCreatedInThisLogin) {
        if (!userCreatedInThisLogin || role != RegistryRole.STUDENT || outcome == null) {
            return false;
        }
        AgeGroup age = outcome.ageGroup();
        if (age == null || age == AgeGroup.ADULT) {
            return false;
        }
        return switch (outcome.kind()) {
            case REQUIRED, UNAVAILABLE, BIRTH_DATE_MISMATCH -> true;
            default -> false;
        };
    }
}
