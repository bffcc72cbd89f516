package ru.esiaedu.linker.firstlogin;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import ru.esiaedu.login.age.AgeRules;

import ru.esiaedu.login.step.EsiaStepFactory;
import ru.esiaedu.login.age.KeycloakClock;

/** First-broker-login: match the ESIA person to the school registry, before idp-create-user-if-unique. */
public final class RegistryMatchAuthenticatorFactory extends EsiaStepFactory {

    public static final String ID = "esia-registry-match";
    public static final String CONFIG_FEEDBACK_URL = StudentNotFoundNotice.CONFIG_FEEDBACK_URL;
    public static final String CONFIG_TIME_ZONE = AgeRules.TIME_ZONE_SETTING;

    private static final List<ProviderConfigProperty> CONFIG = StudentNotFoundNotice.CONFIG_PROPERTIES;

    private static final RegistryMatchAuthenticator SINGLETON = new RegistryMatchAuthenticator(KeycloakClock.UTC);

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
