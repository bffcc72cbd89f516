package ru.esiaedu.linker.condition;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import ru.esiaedu.linker.LinkerNotes;

/** True when the auth note {@code esia.linker.next} equals the configured value ({@code link} or {@code request}). */
public final class LinkerNextCondition implements ConditionalAuthenticator {

    static final LinkerNextCondition SINGLETON = new LinkerNextCondition();

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        String expected = config == null || config.getConfig() == null ? null
                : config.getConfig().get(LinkerNextConditionFactory.CONFIG_VALUE);
        return matches(expected, context.getAuthenticationSession().getAuthNote(LinkerNotes.NEXT));
    }

    static boolean matches(String expected, String actual) {
        return expected != null && !expected.isBlank() && expected.trim().equals(actual);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
