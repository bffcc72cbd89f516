package ru.esiaedu.consent.check;

import java.time.LocalDate;

import ru.esiaedu.registry.RegistryRole;

/**
 * What the consent decision needs to know about one login, read from the authentication session by the
 * authenticator. No Keycloak types, so the decision is tested without a server.
 *
 * @param role              the profile's role chosen in this login; null when none is known (checked as a student)
 * @param realmId           Keycloak realm id
 * @param clientId          client being logged into
 * @param clientName        its display name (client name, or the client id)
 * @param oid               ESIA oid of the person; null when the login carries none
 * @param birthDate         from ESIA; null when ESIA sent none (treated as a minor)
 * @param registryAccountId the registry account chosen for this login; null when none
 * @param esiaAccessToken   ESIA access token of this login; null when none
 * @param esiaBaseUrl       where ESIA's consent API lives, without trailing slash; null when unknown
 */
public record LoginFacts(RegistryRole role, String realmId, String clientId, String clientName, String oid,
        LocalDate birthDate, String registryAccountId, String esiaAccessToken, String esiaBaseUrl) {

    /** Never prints the oid, the birth date or the token. */
    @Override
    public String toString() {
        return "LoginFacts[role=" + role + ", client=" + clientId + "]";
    }
}
