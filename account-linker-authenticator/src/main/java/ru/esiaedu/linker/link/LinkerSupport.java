package ru.esiaedu.linker.link;

import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/** Small lookups the link and request steps share. */
public final class LinkerSupport {

    private LinkerSupport() {
    }

    /** The role picked on the role page; the auth note wins over the client note. */
    public static Optional<RegistryRole> role(AuthenticationSessionModel authSession) {
        String value = authSession.getAuthNote(LinkerNotes.ROLE);
        if (value == null || value.isBlank()) {
            value = authSession.getClientNote(LinkerNotes.ROLE);
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RegistryRole.valueOf(value.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The configured registry; a missing provider is treated like a registry that is down. */
    public static SchoolRegistryProvider registry(KeycloakSession session) throws RegistryUnavailableException {
        SchoolRegistryProvider registry = session.getProvider(SchoolRegistryProvider.class);
        if (registry == null) {
            throw new RegistryUnavailableException();
        }
        return registry;
    }
}
