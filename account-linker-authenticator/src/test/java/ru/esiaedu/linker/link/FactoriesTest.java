package ru.esiaedu.linker.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.provider.ProviderConfigProperty;

import ru.esiaedu.linker.firstlogin.RegistryMatchAuthenticatorFactory;
import ru.esiaedu.linker.request.AccessRequestAuthenticatorFactory;

/** What the admin console shows: ids, Russian/English names and help, every config field explained. */
class FactoriesTest {

    private static List<AuthenticatorFactory> registered() throws Exception {
        List<AuthenticatorFactory> factories = new ArrayList<>();
        try (InputStream in = FactoriesTest.class.getResourceAsStream("/META-INF/services/org.keycloak.authentication.AuthenticatorFactory")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.trim();
                if (name.startsWith("ru.esiaedu.linker.link.") || name.startsWith("ru.esiaedu.linker.request.")) {
                    factories.add((AuthenticatorFactory) Class.forName(name).getDeclaredConstructor().newInstance());
                }
            }
        }
        return factories;
    }

    @Test
    void theLinkAndRequestStepsAreRegistered() throws Exception {
        assertThat(registered()).extracting(AuthenticatorFactory::getId)
                .containsExactlyInAnyOrder("esia-legacy-link", "esia-access-request");
    }

    @Test
    void everyFactoryAndFieldIsExplainedInRussianAndEnglish() throws Exception {
        for (AuthenticatorFactory factory : registered()) {
            assertThat(factory.getDisplayType()).as(factory.getId()).containsPattern("[А-Яа-я]").containsPattern("\\([A-Za-z]");
            assertThat(factory.getHelpText()).as(factory.getId()).containsPattern("[А-Яа-я]").contains(" / ");
            assertThat(factory.isConfigurable()).isTrue();
            for (ProviderConfigProperty property : factory.getConfigProperties()) {
                assertThat(property.getHelpText()).as(property.getName()).containsPattern("[А-Яа-я]").contains(" / ");
                assertThat(property.getLabel()).as(property.getName()).containsPattern("[А-Яа-я]");
            }
        }
    }

    @Test
    void configurableStepsExposeTheirSettings() {
        assertThat(new LegacyLinkAuthenticatorFactory().getConfigProperties()).extracting(ProviderConfigProperty::getName)
                .containsExactly("selfLinkUntil");
        assertThat(new AccessRequestAuthenticatorFactory().getConfigProperties()).extracting(ProviderConfigProperty::getName)
                .containsExactly("requireChildren", "requestsPerDay");
    }

    @Test
    void theRegistryMatchStepHasTheFeedbackFormAndTimeZone() {
        RegistryMatchAuthenticatorFactory factory = new RegistryMatchAuthenticatorFactory();
        assertThat(factory.isConfigurable()).isTrue();
        assertThat(factory.getConfigProperties()).extracting(ProviderConfigProperty::getName)
                .containsExactly("feedbackUrl", "timeZone");
        assertThat(factory.getConfigProperties()).extracting(ProviderConfigProperty::getDefaultValue)
                .containsExactly("", "Europe/Moscow");
        for (ProviderConfigProperty property : factory.getConfigProperties()) {
            assertThat(property.getHelpText()).as(property.getName()).containsPattern("[А-Яа-я]").contains(" / ");
            assertThat(property.getLabel()).as(property.getName()).containsPattern("[А-Яа-я]");
        }
    }
}
