package ru.esiaedu.linker.role;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.login.LoginNotes;
import ru.esiaedu.login.Roles;

/**
 * «Войти с ролью»: the browser flow asks for the role before the redirect to ESIA,
 * unless the client already said {@code role=parent|student|staff} in the authorization request.
 * The role is kept as an auth note and a client note: the first-broker-login flow clears auth notes.
 */
public final class RolePickerAuthenticator implements Authenticator {

    static final String TEMPLATE = "esia-role-select.ftl";
    static final String FORM_ROLE = "role";
    /** Keycloak's auth note for an error forwarded to the browser flow (e.g. a failed ESIA login). */
    static final String FORWARDED_ERROR_NOTE = "fwMessageError";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        List<RegistryRole> offered = offered(context);
        if (context.getForwardedErrorMessage() != null) {
            // Back from a failed ESIA login: show why, and let the person retry by choosing again —
            // skipping the page here would send them straight back to ESIA and into the same error.
            context.challenge(page(context, offered, null));
            return;
        }
        Optional<RegistryRole> requested = Roles.parse(
                context.getAuthenticationSession().getClientNote(LoginNotes.ROLE_REQUEST_PARAM));
        if (requested.isPresent() && offered.contains(requested.get())) {
            remember(context, requested.get());
            context.success();
            return;
        }
        if (offered.size() == 1) {
            remember(context, offered.get(0));
            context.success();
            return;
        }
        context.challenge(page(context, offered, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        List<RegistryRole> offered = offered(context);
        Optional<RegistryRole> chosen = Roles.parse(form.getFirst(FORM_ROLE)).filter(offered::contains);
        if (chosen.isEmpty()) {
            context.challenge(page(context, offered, "esiaRoleSelectRequired"));
            return;
        }
        remember(context, chosen.get());
        // The person has read the forwarded error and tries again: the IdP redirector must not see it.
        context.getAuthenticationSession().removeAuthNote(FORWARDED_ERROR_NOTE);
        context.success();
    }

    static void remember(AuthenticationFlowContext context, RegistryRole role) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(LoginNotes.ROLE, role.name());
        authSession.setClientNote(LoginNotes.ROLE, role.name());
        context.getEvent().detail("esia_role", role.name());
    }

    private static jakarta.ws.rs.core.Response page(AuthenticationFlowContext context, List<RegistryRole> offered, String error) {
        var form = context.form()
                .setAttribute("esiaRoles", offered.stream().map(Roles::param).toList());
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }

    private static List<RegistryRole> offered(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        return Roles.offered(config == null || config.getConfig() == null ? null
                : config.getConfig().get(RolePickerAuthenticatorFactory.CONFIG_ROLES));
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
