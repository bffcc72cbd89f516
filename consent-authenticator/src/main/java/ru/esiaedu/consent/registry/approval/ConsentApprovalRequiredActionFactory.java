package ru.esiaedu.consent.registry.approval;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import ru.esiaedu.consent.ConsentIds;

/**
 * Required action {@code esia-consent-approval}. Register and enable it in the realm (Authentication → Required
 * actions, or {@code requiredActions} in the realm JSON): Keycloak runs only registered, enabled actions, also for
 * {@code kc_action}. The inherited settings offer «Maximum Age of Authentication» for the e-mail link: an SSO
 * session older than that (default 300 s) signs in again through ESIA before the page.
 */
public final class ConsentApprovalRequiredActionFactory implements RequiredActionFactory {

    public static final String ID = ConsentIds.APPROVAL_REQUIRED_ACTION;

    private static final ConsentApprovalRequiredAction INSTANCE = new ConsentApprovalRequiredAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getDisplayText() {
        return "Согласия на обработку данных детей (реестр)";
    }

    /**
     * Not tied to an action token: the page may be opened again and again (every e-mail link, every login with
     * waiting requests); each visit reads the registry afresh.
     */
    @Override
    public boolean isOneTimeAction() {
        return false;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
