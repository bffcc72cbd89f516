package ru.esiaedu.consent.sso;

import java.util.Optional;
import java.util.Set;

import ru.esiaedu.login.Roles;
import ru.esiaedu.registry.RegistryRole;

/**
 * Which Keycloak SSO sessions may not be reused as they are: those of a role whose logins need a consent check.
 * Keycloak's SSO cookie skips the post-broker-login flow, and with it the check, so a revoked consent would not
 * bite until the session ends; such a person goes through ESIA again instead (ESIA's own SSO makes that one
 * redirect), in the same role.
 */
public final class SsoRecheckPolicy {

    private final Set<RegistryRole> rolesRequiringConsent;

    public SsoRecheckPolicy(Set<RegistryRole> rolesRequiringConsent) {
        this.rolesRequiringConsent = Set.copyOf(rolesRequiringConsent);
    }

    /**
     * @param sessionRole the role noted in the SSO session by the profile step ({@code esia.profile.role}); null
     *                    for sessions that did not come through the ESIA flows (e.g. an admin's)
     * @return the {@code role} request parameter to log in again with, or empty when the session may be reused
     */
    public Optional<String> recheckAs(String sessionRole) {
        return Roles.parse(sessionRole)
                .filter(rolesRequiringConsent::contains)
                .map(Roles::param);
    }
}
