package ru.esiaedu.linker.link;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import ru.esiaedu.login.age.KeycloakClock;
import ru.esiaedu.login.step.EsiaStepFactory;

/** «ЕСИА: привязка по логину и паролю» — first-broker-login execution {@code esia-legacy-link}. */
public final class LegacyLinkAuthenticatorFactory extends EsiaStepFactory {

    public static final String PROVIDER_ID = "esia-legacy-link";
    public static final String CONFIG_SELF_LINK_UNTIL = "selfLinkUntil";

    private static final LegacyLinkAuthenticator SINGLETON = new LegacyLinkAuthenticator(KeycloakClock.UTC);

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(CONFIG_SELF_LINK_UNTIL)
            .label("Самостоятельная привязка до (Self-linking until)")
            .helpText("Последний день (включительно, по московскому времени), когда родители и учащиеся могут сами "
                    + "привязать учётную запись Госуслуг логином и паролем школьной системы, в формате ГГГГ-ММ-ДД, "
                    + "например 2025-03-31. Пусто — без ограничения. После этой даты страница сообщает, что привязку "
                    + "выполняет только ответственный сотрудник организации; неверно записанная дата закрывает "
                    + "самостоятельную привязку. / Last day (inclusive, Moscow time) on which parents and students may "
                    + "link their ESIA account themselves with the school system's login and password, as YYYY-MM-DD. "
                    + "Empty = no limit. An invalid value closes self-linking.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .add()
            .build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ЕСИА: привязка по логину и паролю (ESIA: link by legacy login)";
    }

    @Override
    public String getHelpText() {
        return "Страница «Вход через логин и пароль»: организация, логин и пароль школьной системы для выбранной роли; "
                + "при успехе учётная запись реестра связывается с учётной записью Госуслуг. Ставьте в условный "
                + "подпоток с условием «esia-linker-next-condition» = link. / Link page: organisation, legacy login and "
                + "password of the chosen role; on success the registry account is linked to the ESIA person.";
    }

    @Override
    public String getReferenceCategory() {
        return "esia-link";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
