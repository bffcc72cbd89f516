package ru.esiaedu.consent.source;

import ru.esiaedu.login.age.AgeGroup;

/**
 * The student whose consent is checked, for one client system. Carries no personal data beyond identifiers.
 *
 * @param realmId           Keycloak realm id
 * @param clientId          Keycloak client id of the client system being logged into (e.g. {@code school-portal})
 * @param clientName        its display name (shown to parents: «на обработку данных для входа в …»)
 * @param studentOid        ESIA oid of the student
 * @param ageGroup          computed from the ESIA birth date on the day of login
 * @param registryAccountId the student's registry account chosen for this login; null when none
 * @param esiaAccessToken   the ESIA access token of this login (the {@code esia} source presents it); may be null
 * @param esiaBaseUrl       base URL of the ESIA installation that brokered this login, without a trailing slash
 */
public record ConsentSubject(String realmId, String clientId, String clientName, String studentOid, AgeGroup ageGroup,
        String registryAccountId, String esiaAccessToken, String esiaBaseUrl) {

    /** Minors need a parent's consent, adults their own. */
    public Grantor expectedGrantor() {
        return ageGroup.isMinor() ? Grantor.PARENT : Grantor.SELF;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "ConsentSubject[client=" + clientId + ", ageGroup=" + ageGroup + "]";
    }
}
