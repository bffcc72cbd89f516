package ru.esiaedu.consent.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.provider.ProviderConfigProperty;

import ru.esiaedu.consent.ConsentIds;

/** What the admin console shows, the service registrations, and where the ESIA consent API is looked for. */
class ConsentCheckAuthenticatorFactoryTest {

    private final ConsentCheckAuthenticatorFactory factory = new ConsentCheckAuthenticatorFactory();

    private static List<String> services(String spi) throws Exception {
        try (InputStream in = ConsentCheckAuthenticatorFactoryTest.class.getResourceAsStream("/META-INF/services/" + spi)) {
            assertThat(in).as(spi).isNotNull();
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    @Test
    void theStepAndTheEsiaSourceAreRegistered() throws Exception {
        assertThat(services("org.keycloak.authentication.AuthenticatorFactory"))
                .contains(ConsentCheckAuthenticatorFactory.class.getName());
        assertThat(services("ru.esiaedu.consent.source.ConsentSourceFactory"))
                .contains("ru.esiaedu.consent.esia.EsiaConsentSourceFactory");
        assertThat(services("org.keycloak.provider.Spi")).contains("ru.esiaedu.consent.source.ConsentSourceSpi");
        for (String name : services("org.keycloak.authentication.AuthenticatorFactory")) {
            // Keycloak instantiates every listed factory through its no-argument constructor at start-up.
            Object factory = Class.forName(name).getDeclaredConstructor().newInstance();
            assertThat(factory).as(name).isInstanceOf(org.keycloak.authentication.AuthenticatorFactory.class);
            assertThat(((org.keycloak.authentication.AuthenticatorFactory) factory).getId()).as(name).isNotBlank();
        }
    }

    @Test
    void idNameAndRequirements() {
        assertThat(factory.getId()).isEqualTo("esia-consent-check").isEqualTo(ConsentIds.CHECK_AUTHENTICATOR);
        assertThat(factory.getDisplayType()).isEqualTo("Согласие учащегося на вход (ЕСИА)");
        assertThat(factory.getHelpText()).containsPattern("[А-Яа-я]").contains(" / ");
        assertThat(factory.getRequirementChoices()).containsExactly(Requirement.REQUIRED, Requirement.DISABLED);
        assertThat(factory.isConfigurable()).isTrue();
        assertThat(factory.isUserSetupAllowed()).isFalse();
        assertThat(factory.create(null)).isInstanceOf(ConsentCheckAuthenticator.class);
        assertThat(factory.create(null).requiresUser()).isTrue();
    }

    @Test
    void everySettingHasRussianAndEnglishHelpAndASensibleDefault() {
        List<ProviderConfigProperty> properties = factory.getConfigProperties();
        assertThat(properties).extracting(ProviderConfigProperty::getName)
                .containsExactly("consentSource", "rolesRequiringConsent", "timeZone", "purpose", "esiaConsentApiUrl");
        for (ProviderConfigProperty property : properties) {
            assertThat(property.getLabel()).as(property.getName()).containsPattern("[А-Яа-я]").containsPattern("\\([A-Za-z]");
            assertThat(property.getHelpText()).as(property.getName()).containsPattern("[А-Яа-я]").contains(" / ");
        }
        Map<String, ProviderConfigProperty> byName = new HashMap<>();
        properties.forEach(p -> byName.put(p.getName(), p));
        assertThat(byName.get("consentSource").getType()).isEqualTo(ProviderConfigProperty.LIST_TYPE);
        assertThat(byName.get("consentSource").getOptions()).containsExactly("esia", "registry");
        assertThat(byName.get("consentSource").getDefaultValue()).isEqualTo("esia");
        assertThat(byName.get("rolesRequiringConsent").getType()).isEqualTo(ProviderConfigProperty.MULTIVALUED_LIST_TYPE);
        assertThat(byName.get("rolesRequiringConsent").getOptions()).containsExactly("STUDENT", "PARENT", "STAFF");
        assertThat(byName.get("rolesRequiringConsent").getDefaultValue()).isEqualTo("STUDENT");
        assertThat(byName.get("rolesRequiringConsent").getHelpText()).contains("Родители и сотрудники проходят без проверки");
        assertThat(byName.get("timeZone").getDefaultValue()).isEqualTo("Europe/Moscow");
        assertThat(byName.get("purpose").getDefaultValue()).isEqualTo("Вход учащегося в электронный дневник");
        assertThat(byName.get("esiaConsentApiUrl").getDefaultValue()).isNull();
    }

    @Test
    void theEsiaAddressIsTheOverrideOrTheBrokeringProviders() {
        IdentityProviderModel esia = new IdentityProviderModel();
        esia.setProviderId("esia");
        esia.setAlias("esia");
        Map<String, String> config = new HashMap<>();
        config.put("esiaEnvironment", "CUSTOM");
        config.put("esiaBaseUrl", "http://localhost:8081/");
        esia.setConfig(config);

        assertThat(ConsentCheckAuthenticator.esiaBaseUrl(ConsentCheckSettings.defaults(), esia)).isEqualTo("http://localhost:8081");
        assertThat(ConsentCheckAuthenticator.esiaBaseUrl(
                ConsentCheckSettings.from(Map.of("esiaConsentApiUrl", "https://consent.example/")), esia))
                .isEqualTo("https://consent.example");

        Map<String, String> production = new HashMap<>();
        production.put("esiaEnvironment", "PRODUCTION");
        esia.setConfig(production);
        assertThat(ConsentCheckAuthenticator.esiaBaseUrl(ConsentCheckSettings.defaults(), esia)).isEqualTo("https://esia.gosuslugi.ru");

        IdentityProviderModel other = new IdentityProviderModel();
        other.setProviderId("oidc");
        other.setConfig(new HashMap<>());
        assertThat(ConsentCheckAuthenticator.esiaBaseUrl(ConsentCheckSettings.defaults(), other)).isNull();
        assertThat(ConsentCheckAuthenticator.esiaBaseUrl(ConsentCheckSettings.defaults(), null)).isNull();
    }
}
