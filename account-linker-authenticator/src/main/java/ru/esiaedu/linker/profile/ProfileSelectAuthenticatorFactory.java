package ru.esiaedu.linker.profile;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import ru.esiaedu.linker.firstlogin.StudentNotFoundNotice;
import ru.esiaedu.login.step.EsiaStepFactory;
import ru.esiaedu.login.age.KeycloakClock;

/** Post-broker-login: choose the school profile for this login. */
public final class ProfileSelectAuthenticatorFactory extends EsiaStepFactory {

    public static final String ID = "esia-profile-select";

    private static final ProfileSelectAuthenticator SINGLETON = new ProfileSelectAuthenticator(KeycloakClock.UTC);

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "ЕСИА: выбор организации и роли (Choose school profile)";
    }

    @Override
    public String getHelpText() {
        return "При каждом входе через Госуслуги обновляет профили пользователя из реестра школ; если их несколько — "
                + "страница выбора «роль — организация — класс» со ссылкой «Нет нужной организации». Выбор попадает в "
                + "токены (маппер «Школьный профиль (ЕСИА)»). / Every ESIA login: refreshes the person's school profiles "
                + "and lets them pick one for the tokens.";
    }

    @Override
    public String getReferenceCategory() {
        return "esia-registry";
    }

    /** The not-found page of a later login speaks to students as the first login's does. */
    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return StudentNotFoundNotice.CONFIG_PROPERTIES;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
