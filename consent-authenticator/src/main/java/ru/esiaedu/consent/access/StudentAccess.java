package ru.esiaedu.consent.access;

/**
 * What a consent allowed: this student account into this client system. When the consent ends, so does the access:
 * the student's sessions and offline tokens of that client.
 *
 * @param studentAccountId the student's registry account
 * @param clientId         the Keycloak client id of the client system
 */
public record StudentAccess(String studentAccountId, String clientId) {
}
