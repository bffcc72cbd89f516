package ru.esiaedu.linker.link;

import java.util.Optional;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
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

    /**
     * A separate first-broker-login event for a step outcome (an error, or a request sent): a copy of the flow's
     * event, so the flow's own event is not consumed, with the type set in case the flow had none yet.
     */
    public static EventBuilder event(AuthenticationFlowContext context) {
        return context.getEvent().clone().event(EventType.IDENTITY_PROVIDER_FIRST_LOGIN);
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
