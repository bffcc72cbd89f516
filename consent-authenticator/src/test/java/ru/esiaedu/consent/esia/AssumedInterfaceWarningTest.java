package ru.esiaedu.consent.esia;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.models.IdentityProviderModel;

import ru.esiaedu.consent.ConsentIds;
import ru.esiaedu.consent.check.ConsentCheckAuthenticatorFactory;
import ru.esiaedu.esia.broker.EsiaIdentityProviderConfig;
import ru.esiaedu.esia.broker.EsiaIdentityProviderFactory;

class AssumedInterfaceWarningTest {

    private static IdentityProviderModel esia(String environment) {
        IdentityProviderModel idp = new IdentityProviderModel();
        idp.setAlias("esia");
        idp.setProviderId(EsiaIdentityProviderFactory.PROVIDER_ID);
        idp.getConfig().put(EsiaIdentityProviderConfig.ENVIRONMENT, environment);
        return idp;
    }

    @Test
    void theEsiaSourceAgainstProductionEsiaIsWarnedAbout() {
        assertThat(AssumedInterfaceWarning.forLogin(ConsentIds.SOURCE_ESIA, esia("PRODUCTION")))
                .hasValueSatisfying(text -> assertThat(text).contains("has not published", "registry"));
    }

    @Test
    void theTestEnvironmentTheEmulatorAndTheRegistrySourceAreNot() {
        assertThat(AssumedInterfaceWarning.forLogin(ConsentIds.SOURCE_ESIA, esia("TEST"))).isEmpty();
        assertThat(AssumedInterfaceWarning.forLogin(ConsentIds.SOURCE_ESIA, esia("CUSTOM"))).isEmpty();
        assertThat(AssumedInterfaceWarning.forLogin(ConsentIds.SOURCE_REGISTRY, esia("PRODUCTION"))).isEmpty();
        assertThat(AssumedInterfaceWarning.forLogin(ConsentIds.SOURCE_ESIA, null)).isEmpty();
        IdentityProviderModel oidc = esia("PRODUCTION");
        oidc.setProviderId("oidc");
        assertThat(AssumedInterfaceWarning.forLogin(ConsentIds.SOURCE_ESIA, oidc)).isEmpty();
    }

    @Test
    void theConsoleShowsTheWarningInTheSourcesServerInfoAndInTheSettingsHelp() {
        assertThat(new EsiaConsentSourceFactory().getOperationalInfo())
                .containsEntry("warning", AssumedInterfaceWarning.TEXT)
                .containsEntry("предупреждение", AssumedInterfaceWarning.TEXT_RU);
        assertThat(new ConsentCheckAuthenticatorFactory().getConfigProperties().get(0).getHelpText())
                .contains(AssumedInterfaceWarning.TEXT_RU, AssumedInterfaceWarning.TEXT);
    }
}
