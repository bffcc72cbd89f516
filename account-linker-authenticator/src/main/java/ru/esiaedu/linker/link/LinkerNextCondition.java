package ru.esiaedu.linker.link;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Condition «ЕСИА: следующий шаг привязки»: true when the auth note {@code esia.linker.next} equals the configured
 * value ({@code link} or {@code request}). Without a config it tests for {@code link}.
 */
public final class LinkerNextCondition implements ConditionalAuthenticator {

    static final LinkerNextCondition SINGLETON = new LinkerNextCondition();

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        String expected = expected(context.getAuthenticatorConfig());
        return matches(expected, context.getAuthenticationSession().getAuthNote(LinkerNotes.NEXT));
    }

    static String expected(AuthenticatorConfigModel config) {
        String value = config == null || config.getConfig() == null ? null
                : config.getConfig().get(LinkerNextConditionFactory.CONFIG_VALUE);
        return value == null || value.isBlank() ? LinkerNotes.NEXT_LINK : value.trim();
    }

    static boolean matches(String expected, String note) {
        return note != null && expected.equalsIgnoreCase(note.trim());
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // a condition has no page
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
