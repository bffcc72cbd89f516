package ru.esiaedu.linker.firstlogin;

import java.time.Clock;
import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import ru.esiaedu.linker.support.LinkerAuthenticatorFactory;

/** First-broker-login: match the ESIA person to the school registry, before idp-create-user-if-unique. */
public final class RegistryMatchAuthenticatorFactory extends LinkerAuthenticatorFactory {

    public static final String ID = "esia-registry-match";
    public static final String CONFIG_FEEDBACK_URL = "feedbackUrl";
    public static final String CONFIG_TIME_ZONE = "timeZone";

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(CONFIG_FEEDBACK_URL)
            .label("Форма обратной связи (Feedback form URL)")
            .helpText("Адрес (http или https) формы подачи обращения платформы обратной связи региона. "
                    + "Учащимся, которых нет в реестре, страница «Запись не найдена» говорит «Ваш дневник не найден. "
                    + "Чтобы решить проблему, (попросите родителей) сообщите о ней через форму обратной связи», и "
                    + "«форму обратной связи» становится ссылкой. Пусто — текст без ссылки. / The region's feedback "
                    + "form (http or https). Students not found in the registry are told to report the problem "
                    + "through it; empty = the words without a link.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue("")
            .add()
            .property()
            .name(CONFIG_TIME_ZONE)
            .label("Часовой пояс региона (Region time zone)")
            .helpText("Часовой пояс, в котором считается возраст учащегося в день входа (до 18 лет текст просит "
                    + "обратиться родителей), например Europe/Moscow, Asia/Yekaterinburg. Пусто или неверно — "
                    + "Europe/Moscow. / Time zone for the student's age on the day of login (under 18 the text asks the "
                    + "parents to report); empty or unknown means Europe/Moscow.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue("Europe/Moscow")
            .add()
            .build();

    private static final RegistryMatchAuthenticator SINGLETON = new RegistryMatchAuthenticator(Clock.systemDefaultZone());

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "ЕСИА: поиск в реестре школ (Match school registry)";
    }

    @Override
    public String getHelpText() {
        return "Первый вход через Госуслуги: ищет учётные записи реестра по СНИЛС, подтверждённому телефону / e-mail, "
                + "ФИО + дате рождения + документу и связывает их с oid ЕСИА. Не найдено — страница «Запись не найдена». "
                + "Ставится перед «Create User If Unique». / First broker login: finds the person's registry accounts "
                + "and links them; otherwise shows the not-found page.";
    }

    @Override
    public String getReferenceCategory() {
        return "esia-registry";
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
