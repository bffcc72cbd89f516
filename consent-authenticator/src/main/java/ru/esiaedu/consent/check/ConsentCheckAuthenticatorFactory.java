package ru.esiaedu.consent.check;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import ru.esiaedu.consent.ConsentIds;
import ru.esiaedu.login.step.EsiaStepFactory;
import ru.esiaedu.consent.esia.AssumedInterfaceWarning;
import ru.esiaedu.login.age.AgeRules;
import ru.esiaedu.login.age.KeycloakClock;

/** «Согласие учащегося на вход (ЕСИА)» — post-broker-login execution {@code esia-consent-check}. */
public final class ConsentCheckAuthenticatorFactory extends EsiaStepFactory {

    public static final String ID = ConsentIds.CHECK_AUTHENTICATOR;

    private static final ConsentCheckAuthenticator SINGLETON = new ConsentCheckAuthenticator(KeycloakClock.UTC);

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(ConsentCheckSettings.CONSENT_SOURCE)
            .label("Источник согласий (Consent source)")
            .helpText("Где хранятся согласия. esia — в Госуслугах: запрос получают родители (или учащийся 18+) в "
                    + "личном кабинете, подтверждают и отзывают его в «Согласия и доверенности». registry — согласия "
                    + "собирает сама платформа: родителям приходит письмо, согласие подтверждается на странице платформы "
                    + "после входа с ролью родителя. " + AssumedInterfaceWarning.TEXT_RU + " / Where consents live. esia: in Gosuslugi (parents or the adult "
                    + "student approve and revoke there). registry: the platform collects them itself (e-mail, approval "
                    + "page after signing in as a parent). Warning: " + AssumedInterfaceWarning.TEXT + ".")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(ConsentIds.SOURCE_ESIA, ConsentIds.SOURCE_REGISTRY)
            .defaultValue(ConsentCheckSettings.DEFAULT_SOURCE)
            .add()
            .property()
            .name(ConsentCheckSettings.ROLES_REQUIRING_CONSENT)
            .label("Роли, для которых нужно согласие (Roles requiring consent)")
            .helpText("Вход с какими ролями проверяется; по умолчанию только учащиеся. Родители и сотрудники проходят "
                    + "без проверки (им лишь показываются ожидающие их решения запросы источника registry). Пустой список "
                    + "означает «только учащиеся»; чтобы отключить проверку, поставьте шагу «Disabled». / Which login "
                    + "roles are checked. Default: students only; parents and staff pass (they are only shown requests "
                    + "waiting for their decision). An empty list means students only; disable the step to switch it off.")
            .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
            .options("STUDENT", "PARENT", "STAFF")
            .defaultValue(ConsentCheckSettings.DEFAULT_ROLES)
            .add()
            .property(AgeRules.TIME_ZONE_PROPERTY)
            .property()
            .name(ConsentCheckSettings.PURPOSE)
            .label("Цель обработки данных (Purpose)")
            .helpText("Текст, который передаётся в ЕСИА вместе с запросом согласия и показывается родителю (или "
                    + "учащемуся 18+) на Госуслугах. / The purpose sent to ESIA with the consent request and shown to the "
                    + "parent (or the adult student) in Gosuslugi.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(ConsentCheckSettings.DEFAULT_PURPOSE)
            .add()
            .property()
            .name(ConsentCheckSettings.ESIA_CONSENT_API_URL)
            .label("Адрес API согласий ЕСИА (ESIA consent API URL)")
            .helpText("Только для источника esia и только если API согласий находится не там, где ЕСИА провайдера "
                    + "входа, например https://esia.gosuslugi.ru. Пусто — адрес ЕСИА того провайдера «ЕСИА (Госуслуги)», "
                    + "через который выполнен вход. / esia source only: base URL of ESIA's consent API when it differs "
                    + "from the identity provider's ESIA address. Empty = the base URL of the ESIA provider of this login.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .add()
            .build();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Согласие учащегося на вход (ЕСИА)";
    }

    @Override
    public String getHelpText() {
        return "При каждом входе через Госуслуги проверяет согласие на вход учащегося в эту систему: родителя — для "
                + "несовершеннолетнего, собственное — с 18 лет. Нет согласия — запрос отправляется автоматически и "
                + "показывается страница «Для входа в дневник нужно согласие…». Ставится в поток post broker login после "
                + "«ЕСИА: выбор организации и роли». / Every ESIA login: a student gets in only with a valid consent "
                + "(a parent's for a minor, their own at 18+); otherwise the request is sent and a page explains what to do.";
    }

    @Override
    public String getReferenceCategory() {
        return "esia-consent";
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
