package ru.esiaedu.linker.link;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;

/** Small lookups the link and request steps share. */
public final class LinkerSupport {

    private LinkerSupport() {
    }

    /**
     * A separate first-broker-login event for a step outcome (an error, or a request sent): a copy of the flow's
     * event, so the flow's own event is not consumed, with the type set in case the flow had none yet.
     */
    public static EventBuilder event(AuthenticationFlowContext context) {
        return context.getEvent().clone().event(EventType.IDENTITY_PROVIDER_FIRST_LOGIN);
    }
}
