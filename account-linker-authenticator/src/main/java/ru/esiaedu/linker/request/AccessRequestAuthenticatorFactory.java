package ru.esiaedu.linker.request;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import ru.esiaedu.login.step.EsiaStepFactory;
import ru.esiaedu.registry.AccessRequest;

/** «ЕСИА: обращение в организацию» — first-broker-login execution {@code esia-access-request}. */
public final class AccessRequestAuthenticatorFactory extends EsiaStepFactory {

    public static final String PROVIDER_ID = "esia-access-request";
    public static final String CONFIG_REQUIRE_CHILDREN = "requireChildren";
    public static final String CONFIG_DAILY_LIMIT = "requestsPerDay";

    private static final AccessRequestAuthenticator SINGLETON = new AccessRequestAuthenticator();

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(CONFIG_REQUIRE_CHILDREN)
            .label("Требовать сведения о детях (Require children)")
            .helpText("Родитель может подать обращение, только если на Госуслугах заполнены сведения о детях (условие "
                    + "из инструкции). Нужна включённая настройка провайдера ЕСИА «Запрашивать сведения о детях». / A parent "
                    + "may send a request only when ESIA lists their children (needs the ESIA provider's 'fetch children').")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("true")
            .add()
            .property()
            .name(CONFIG_DAILY_LIMIT)
            .label("Обращений в сутки от одного человека (Requests per person per day)")
            .helpText("Сколько обращений один человек может отправить за 24 часа во все организации вместе; повторное "
                    + "обращение в ту же организацию, пока она не ответила, показывает номер первого. Защищает школы и "
                    + "почтовые ящики от потока обращений. / How many requests one ESIA person may send in 24 hours; a "
                    + "repeat to the same organisation while it has not answered shows the first one's number.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(Integer.toString(AccessRequest.DEFAULT_DAILY_LIMIT))
            .add()
            .build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ЕСИА: обращение в организацию (ESIA: access request to the school)";
    }

    @Override
    public String getHelpText() {
        return "Форма «Обратиться в организацию»: ФИО ребёнка, тип организации, организация, класс, e-mail; обращение "
                + "уходит в реестр, человек видит номер и получает письмо. Вход на этом заканчивается. Ставьте в условный "
                + "подпоток с условием «esia-linker-next-condition» = request. / Access request form; the login ends with the "
                + "request number.";
    }

    @Override
    public String getReferenceCategory() {
        return "esia-access-request";
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
