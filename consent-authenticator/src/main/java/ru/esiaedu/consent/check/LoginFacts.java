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
 * @param accountBirthDate  from the registry's student account of this login; null when unknown
 * @param accountUnreadable the login has a registry account but the registry could not be read (fail closed)
 * @param registryAccountId the registry account chosen for this login; null when none
 * @param esiaAccessToken   ESIA access token of this login; null when none
 * @param esiaBaseUrl       where ESIA's consent API lives, without trailing slash; null when unknown
 */
public record LoginFacts(RegistryRole role, String realmId, String clientId, String clientName, String oid,
        LocalDate birthDate, String registryAccountId, String esiaAccessToken, String esiaBaseUrl,
        LocalDate accountBirthDate, boolean accountUnreadable) {

    /** A login whose registry account has no birth date (or no account). */
    public LoginFacts(RegistryRole role, String realmId, String clientId, String clientName, String oid,
            LocalDate birthDate, String registryAccountId, String esiaAccessToken, String esiaBaseUrl) {
        this(role, realmId, clientId, clientName, oid, birthDate, registryAccountId, esiaAccessToken, esiaBaseUrl, null,
                false);
    }

    /** Both the registry account and ESIA have a birth date, and they differ. */
    public boolean birthDatesDisagree() {
        return birthDate != null && accountBirthDate != null && !birthDate.equals(accountBirthDate);
    }

    /**
     * The birth date the age is counted from: the later (younger) of ESIA's and the registry account's, so an adult
     * who holds a minor's account is treated as the minor; null when neither is known.
     */
    public LocalDate youngestBirthDate() {
        if (birthDate == null) {
            return accountBirthDate;
        }
        return accountBirthDate != null && accountBirthDate.isAfter(birthDate) ? accountBirthDate : birthDate;
    }

    /** Never prints the oid, the birth date or the token. */
    @Override
    public String toString() {
        return "LoginFacts[role=" + role + ", client=" + clientId + "]";
    }
}
