package ru.esiaedu.consent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.models.Constants;

import ru.esiaedu.consent.ConsentIds;
import ru.esiaedu.consent.registry.admin.ConsentAdminResourceProviderFactory;
import ru.esiaedu.consent.registry.approval.ConsentApprovalRequiredAction;
import ru.esiaedu.consent.registry.approval.ConsentApprovalRequiredActionFactory;

/** Ids and registrations Keycloak finds the registry source's providers by. */
class RegistryFactoriesTest {

    static List<String> services(String spi) throws IOException {
        try (InputStream in = RegistryFactoriesTest.class.getClassLoader().getResourceAsStream("META-INF/services/" + spi)) {
            assertThat(in).as(spi).isNotNull();
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    @Test
    void everyFactoryIsRegistered() throws IOException {
        assertThat(services("ru.esiaedu.consent.source.ConsentSourceFactory"))
                .contains(RegistryConsentSourceFactory.class.getName());
        assertThat(services("org.keycloak.authentication.RequiredActionFactory"))
                .contains(ConsentApprovalRequiredActionFactory.class.getName());
        assertThat(services("org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory"))
                .contains(ConsentAdminResourceProviderFactory.class.getName());
    }

    @Test
    void theRequiredActionCanBeStartedByTheEMailLink() {
        ConsentApprovalRequiredActionFactory factory = new ConsentApprovalRequiredActionFactory();
        assertThat(factory.getId()).isEqualTo(ConsentIds.APPROVAL_REQUIRED_ACTION).isEqualTo("esia-consent-approval");
        assertThat(factory.isOneTimeAction()).isFalse();
        assertThat(factory.getDisplayText()).isNotBlank();
        // the inherited max-auth-age setting stays: admins tune how old an SSO session may be for kc_action
        assertThat(factory.getConfigMetadata()).extracting(p -> p.getName()).contains(Constants.MAX_AUTH_AGE_KEY);
        assertThat(factory.create(null)).isInstanceOf(ConsentApprovalRequiredAction.class);
        assertThat(new ConsentApprovalRequiredAction().initiatedActionSupport()).isEqualTo(InitiatedActionSupport.SUPPORTED);
    }

    @Test
    void theAdminExtensionPathIsEsiaConsents() {
        assertThat(new ConsentAdminResourceProviderFactory().getId()).isEqualTo("esia-consents");
    }
}
