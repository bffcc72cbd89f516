package ru.esiaedu.login;

import java.util.Optional;

import org.keycloak.sessions.AuthenticationSessionModel;

import ru.esiaedu.registry.RegistryRole;

/** The role chosen for this login, wherever it survived: auth note, client note, or the client's request parameter. */
public final class ChosenRole {

    private ChosenRole() {
    }

    public static Optional<RegistryRole> read(AuthenticationSessionModel authSession) {
        return Roles.parse(authSession.getAuthNote(LoginNotes.ROLE))
                .or(() -> Roles.parse(authSession.getClientNote(LoginNotes.ROLE)))
                .or(() -> Roles.parse(authSession.getClientNote(LoginNotes.ROLE_REQUEST_PARAM)));
    }
}
