package ru.esiaedu.linker.role;

import java.util.Optional;

import org.keycloak.sessions.AuthenticationSessionModel;

import ru.esiaedu.linker.LinkerNotes;
import ru.esiaedu.registry.RegistryRole;

/** The role chosen for this login, wherever it survived: auth note, client note, or the client's request parameter. */
public final class ChosenRole {

    private ChosenRole() {
    }

    public static Optional<RegistryRole> read(AuthenticationSessionModel authSession) {
        return Roles.parse(authSession.getAuthNote(LinkerNotes.ROLE))
                .or(() -> Roles.parse(authSession.getClientNote(LinkerNotes.ROLE)))
                .or(() -> Roles.parse(authSession.getClientNote(LinkerNotes.ROLE_REQUEST_PARAM)));
    }
}
