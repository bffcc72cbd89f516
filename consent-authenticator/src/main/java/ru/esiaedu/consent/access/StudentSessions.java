package ru.esiaedu.consent.access;

/** Ends a person's sessions of one client; {@link KeycloakStudentSessions} in Keycloak, a fake in tests. */
public interface StudentSessions {

    /**
     * Ends the sessions of the Keycloak user linked to this ESIA person with this client, online and offline; other
     * clients' sessions and other people's are not touched.
     *
     * @return what was ended; {@link EndedSessions#NONE} when the person has no user or the client does not exist
     */
    EndedSessions end(String esiaOid, String clientId);
}
