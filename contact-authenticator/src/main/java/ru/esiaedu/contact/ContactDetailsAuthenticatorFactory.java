package ru.esiaedu.contact;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import ru.esiaedu.login.step.EsiaStepFactory;

/** «ЕСИА: контактные данные» — first-broker-login execution {@code esia-contact-details}. */
public final class ContactDetailsAuthenticatorFactory extends EsiaStepFactory {

    public static final String ID = "esia-contact-details";

    private static final ContactDetailsAuthenticator SINGLETON = new ContactDetailsAuthenticator();

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(ContactSettings.ASK_CHOICES_WHEN_ESIA_EMAIL_VERIFIED)
            .label("Спрашивать о рассылке и при почте из Госуслуг (Ask the mail choices when Gosuslugi gave an e-mail)")
            .helpText("Выключено (по умолчанию): человеку с подтверждённой на Госуслугах почтой страница не "
                    + "показывается, оба выбора («Дублировать сообщения…», «Отмечать сообщение прочитанным…») "
                    + "сохраняются как «нет». Включено: ему показывается та же страница с адресом из Госуслуг (без "
                    + "поля ввода) и двумя выборами. / Off (default): a person whose e-mail Gosuslugi confirmed sees no "
                    + "page and both choices are stored as no. On: the page shows that address (not editable) and the "
                    + "two choices.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(Boolean.toString(ContactSettings.DEFAULT_ASK_CHOICES))
            .add()
            .property()
            .name(ContactSettings.ONE_PERSON_PER_ADDRESS)
            .label("Один адрес — одна учётная запись (One account per address)")
            .helpText("Включено (по умолчанию): адрес, который уже указан у другой учётной записи, не принимается "
                    + "(«Этот адрес уже указан в другой учётной записи»; чья это запись, не сообщается), даже если "
                    + "в настройках области разрешены одинаковые адреса. Если одинаковые адреса в области запрещены, "
                    + "проверка выполняется всегда. / On (default): an address another account already has is refused "
                    + "(without saying whose), even where the realm allows duplicate e-mails; with duplicates "
                    + "forbidden the check always applies.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(Boolean.toString(ContactSettings.DEFAULT_ONE_PERSON_PER_ADDRESS))
            .add()
            .build();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "ЕСИА: контактные данные";
    }

    @Override
    public String getHelpText() {
        return "При первом входе через Госуслуги человеку без подтверждённой на Госуслугах почты показывается страница "
                + "«Контактные данные»: адрес электронной почты (обязателен) и два выбора рассылки Электронного журнала. "
                + "Адрес подтверждается письмом Keycloak (требуемое действие VERIFY_EMAIL). Ставится в поток first broker "
                + "login после «Create User If Unique»; по умолчанию выключен (Disabled). / At the first ESIA login, a "
                + "person without a confirmed Gosuslugi e-mail is asked for one (required) and two journal mail "
                + "choices; Keycloak's e-mail verification confirms it. Place after Create User If Unique.";
    }

    @Override
    public String getReferenceCategory() {
        return "esia-contact";
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
