package ru.esiaedu.esia.broker;

import java.util.Locale;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The role a person chose before the redirect to ESIA («Войти с ролью», or the client's {@code role} parameter), as
 * the login steps leave it in the authentication session. The provider needs it for one decision: whether a
 * simplified ESIA account may sign in for that role. The login steps read the same notes through login-core.
 */
public final class RequestedRole {

    /** Auth note and client note written by the role picker: {@code PARENT|STUDENT|STAFF}. */
    public static final String NOTE = "esia.role";

    /** Client note Keycloak keeps for the authorization request parameter {@code role}. */
    public static final String REQUEST_PARAM_NOTE = "client_request_param_role";

    private RequestedRole() {
    }

    /** The role's name in upper case ({@code STUDENT}), or null when none was chosen. */
    static String of(AuthenticationSessionModel authSession) {
        for (String value : new String[] {authSession.getAuthNote(NOTE), authSession.getClientNote(NOTE),
                authSession.getClientNote(REQUEST_PARAM_NOTE)}) {
            if (value != null && !value.isBlank()) {
                return value.strip().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }
}
