package ru.esiaedu.login.step;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionModel;

import ru.esiaedu.login.LoginNotes;

/** The form field and buttons every ESIA login page shares, and «Выход». */
public final class Pages {

    /** Form field carrying the button pressed on our pages. */
    public static final String FORM_ACTION = "action";
    public static final String ACTION_EXIT = "exit";
    public static final String ACTION_RETRY = "retry";

    private Pages() {
    }

    /**
     * «Выход»: back to the start of the browser flow (the role page / login page) through Keycloak's
     * own restart endpoint, which drops the brokered login. The role the client forced is forgotten,
     * so the person can choose another one.
     */
    public static Response exitToLogin(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.removeClientNote(LoginNotes.ROLE);
        authSession.removeClientNote(LoginNotes.ROLE_REQUEST_PARAM);
        return restart(context);
    }

    /**
     * The same login once more from the start, keeping the chosen role: the role page is skipped and the person goes
     * through ESIA again (ESIA's own session makes that one redirect). For a login whose user no longer exists.
     */
    public static Response restartLogin(AuthenticationFlowContext context) {
        return restart(context);
    }

    private static Response restart(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        URI restart = Urls.realmLoginRestartPage(context.getUriInfo().getBaseUri(), context.getRealm().getName(),
                authSession.getClient().getClientId(), authSession.getTabId(),
                AuthenticationProcessor.getClientData(context.getSession(), authSession), true);
        return Response.status(Response.Status.FOUND).location(restart).build();
    }
}
