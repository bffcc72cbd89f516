package ru.esiaedu.esia.broker;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * ESIA accepts only a UUID as {@code state}, while Keycloak's broker state is a longer encoded string.
 * The UUID is mapped to the broker state through Keycloak's single-use object store (replicated across
 * the cluster, removed on first read) and remembered in the authentication session, so an answer is
 * accepted once, only in the browser that started the login.
 */
final class EsiaStateBinding {

    static final String NOTE_ESIA_STATE = "esia.state";
    static final String NOTE_REDIRECT_URI = "esia.redirect_uri";
    static final String NOTE_SCOPE = "esia.scope";

    private static final String KEY_PREFIX = "esia-state:";
    private static final String BROKER_STATE = "brokerState";
    private static final Pattern UUID_PATTERN =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private EsiaStateBinding() {
    }

    static String bind(KeycloakSession session, AuthenticationSessionModel authSession, String brokerState,
                       long lifespanSeconds) {
        String esiaState = UUID.randomUUID().toString();
        session.singleUseObjects().put(KEY_PREFIX + esiaState, lifespanSeconds, Map.of(BROKER_STATE, brokerState));
        authSession.setAuthNote(NOTE_ESIA_STATE, esiaState);
        return esiaState;
    }

    /** The broker state for ESIA's answer, or empty when the state is unknown, expired or already used. */
    static Optional<String> consume(KeycloakSession session, String esiaState) {
        if (!isUuid(esiaState)) {
            return Optional.empty();
        }
        Map<String, String> notes = session.singleUseObjects().remove(KEY_PREFIX + esiaState);
        return notes == null ? Optional.empty() : Optional.ofNullable(notes.get(BROKER_STATE));
    }

    /** True when this authentication session is the one that sent {@code esiaState}; the note is cleared either way. */
    static boolean belongsTo(AuthenticationSessionModel authSession, String esiaState) {
        String expected = authSession.getAuthNote(NOTE_ESIA_STATE);
        authSession.removeAuthNote(NOTE_ESIA_STATE);
        return expected != null && expected.equals(esiaState);
    }

    static boolean isUuid(String value) {
        return value != null && UUID_PATTERN.matcher(value).matches();
    }
}
