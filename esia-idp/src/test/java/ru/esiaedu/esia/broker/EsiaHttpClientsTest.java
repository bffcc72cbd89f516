package ru.esiaedu.esia.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.keycloak.models.IdentityProviderModel;

class EsiaHttpClientsTest {

    private static IdentityProviderModel model(String connectTimeoutMs) {
        IdentityProviderModel model = new IdentityProviderModel();
        model.setAlias("esia");
        model.setProviderId(EsiaIdentityProviderFactory.PROVIDER_ID);
        model.getConfig().put(EsiaIdentityProviderConfig.CONNECT_TIMEOUT_MS, connectTimeoutMs);
        return model;
    }

    /** Keycloak creates a provider per request: two logins must not mean two clients. */
    @Test
    void providersCreatedPerRequestShareOneClient() {
        EsiaIdentityProviderFactory factory = new EsiaIdentityProviderFactory();
        HttpClient first = factory.create(null, model("3000")).httpClient();
        HttpClient second = factory.create(null, model("3000")).httpClient();

        assertThat(second).isSameAs(first);
        assertThat(first.connectTimeout()).contains(Duration.ofSeconds(3));
        assertThat(first.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
    }

    @Test
    void anotherConnectTimeoutGetsItsOwnClient() {
        EsiaIdentityProviderFactory factory = new EsiaIdentityProviderFactory();
        HttpClient three = factory.create(null, model("3000")).httpClient();
        HttpClient seven = factory.create(null, model("7000")).httpClient();

        assertThat(seven).isNotSameAs(three);
        assertThat(seven.connectTimeout()).contains(Duration.ofSeconds(7));
    }

    @Test
    void theCacheStaysBoundedWhenTimeoutsChangeOften() {
        EsiaHttpClients clients = new EsiaHttpClients();
        for (int i = 1; i <= 50; i++) {
            assertThat(clients.forConnectTimeout(Duration.ofMillis(i)).connectTimeout()).contains(Duration.ofMillis(i));
        }
        assertThat(clients.size()).isLessThanOrEqualTo(EsiaHttpClients.MAX_CLIENTS);
    }
}
