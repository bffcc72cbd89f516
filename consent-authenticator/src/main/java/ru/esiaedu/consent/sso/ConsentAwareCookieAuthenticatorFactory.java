package ru.esiaedu.consent.sso;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import ru.esiaedu.consent.check.ConsentCheckSettings;
import ru.esiaedu.login.step.EsiaStepFactory;

/** «Cookie (SSO) с повторной проверкой согласия» — browser-flow execution {@code esia-consent-cookie}. */
public final class ConsentAwareCookieAuthenticatorFactory extends EsiaStepFactory {

    public static final String ID = "esia-consent-cookie";

    private static final ConsentAwareCookieAuthenticator SINGLETON = new ConsentAwareCookieAuthenticator();

    private static final Requirement[] CHOICES = {Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED};

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(ConsentCheckSettings.ROLES_REQUIRING_CONSENT)
            .label("Роли, для которых нужно согласие (Roles requiring consent)")
            .helpText("Сохранённый вход (SSO) этих ролей не используется повторно: человек снова проходит через "
                    + "Госуслуги, и согласие проверяется заново (отзыв согласия действует сразу). Укажите те же роли, что и "
                    + "в шаге «Согласие учащегося на вход (ЕСИА)». / SSO sessions of these roles are not reused: the "
                    + "person goes through ESIA again and the consent is checked anew (a revocation bites at once). Use the "
                    + "same roles as in the consent-check step.")
            .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
            .options("STUDENT", "PARENT", "STAFF")
            .defaultValue(ConsentCheckSettings.DEFAULT_ROLES)
            .add()
            .build();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Cookie (SSO) с повторной проверкой согласия";
    }

    @Override
    public String getReferenceCategory() {
        return "cookie";
    }

    @Override
    public String getHelpText() {
        return "Вместо стандартного шага Cookie: вход по сохранённой сессии, кроме учащихся, которые снова проходят "
                + "через Госуслуги, чтобы согласие проверялось при каждом входе. / Replaces Keycloak's Cookie step: SSO "
                + "login except for students, who go through ESIA again so the consent is checked at every login.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return CHOICES.clone();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
