package ru.esiaedu.esia.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.esiaedu.esia.protocol.ProtocolVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EsiaIdentityProviderConfigTest {

    /** As an operator configures production: the key in Keycloak's vault, the certificates in the form. */
    private static EsiaIdentityProviderConfig validPemConfig() throws IOException {
        EsiaIdentityProviderConfig config = new EsiaIdentityProviderConfig();
        config.setClientId("SCHOOL01");
        config.getConfig().put(EsiaIdentityProviderConfig.CLIENT_PRIVATE_KEY, "${vault.esia-client-key}");
        config.getConfig().put(EsiaIdentityProviderConfig.CLIENT_CERTIFICATE, resource("/keys/client-gost.crt.pem"));
        config.getConfig().put(EsiaIdentityProviderConfig.ESIA_CERTIFICATES, resource("/keys/client-gost.crt.pem"));
        return config;
    }

    @Test
    void aSimplifiedAccountSignsInForStudentsOnlyByDefaultAndForEveryoneWhenConfirmedOnlyIsOff() {
        EsiaIdentityProviderConfig config = new EsiaIdentityProviderConfig();
        assertThat(config.acceptsSimplifiedFor("STUDENT")).isTrue();
        assertThat(config.acceptsSimplifiedFor("PARENT")).isFalse();
        assertThat(config.acceptsSimplifiedFor("STAFF")).isFalse();
        assertThat(config.acceptsSimplifiedFor(null)).as("no role chosen").isFalse();
        config.getConfig().put(EsiaIdentityProviderConfig.SIMPLIFIED_ACCOUNT_ROLES, "");
        assertThat(config.acceptsSimplifiedFor("STUDENT")).isFalse();
        config.getConfig().put(EsiaIdentityProviderConfig.SIMPLIFIED_ACCOUNT_ROLES, "STUDENT##PARENT");
        assertThat(config.acceptsSimplifiedFor("PARENT")).isTrue();
        config.getConfig().put(EsiaIdentityProviderConfig.ACCEPT_ONLY_CONFIRMED, "false");
        assertThat(config.acceptsSimplifiedFor("STAFF")).isTrue();
        assertThat(config.acceptsSimplifiedFor(null)).isTrue();
    }

    @Test
    void emptyFormMeansTestStandV2V3SchoolScopesConfirmedOnlyAndSaneTimeouts() {
        EsiaIdentityProviderConfig config = new EsiaIdentityProviderConfig();

        assertThat(config.getBaseUrl()).isEqualTo("https://esia-portal1.test.gosuslugi.ru");
        assertThat(config.getExpectedIssuer()).isEqualTo("http://esia-portal1.test.gosuslugi.ru/");
        assertThat(config.getProtocol()).isEqualTo(ProtocolVersion.V2_V3);
        assertThat(config.getScopes()).startsWith("openid fullname birthdate gender snils contacts email mobile id_doc birth_cert_doc");
        assertThat(config.isAcceptOnlyConfirmed()).isTrue();
        assertThat(config.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.getReadTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.getClockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.getUsernamePrefix()).isEqualTo("esia-");
        assertThat(config.getScopeOrg()).isEmpty();
    }

    @Test
    void productionUsesTheLiveHostAndItsHttpIssuer() {
        EsiaIdentityProviderConfig config = new EsiaIdentityProviderConfig();
        config.getConfig().put(EsiaIdentityProviderConfig.ENVIRONMENT, "production");

        assertThat(config.getBaseUrl()).isEqualTo("https://esia.gosuslugi.ru");
        assertThat(config.getExpectedIssuer()).isEqualTo("http://esia.gosuslugi.ru/");
    }

    @Test
    void customEnvironmentTakesTheBaseUrlAndDerivesTheIssuer() {
        EsiaIdentityProviderConfig config = new EsiaIdentityProviderConfig();
        config.getConfig().put(EsiaIdentityProviderConfig.ENVIRONMENT, "CUSTOM");
        config.getConfig().put(EsiaIdentityProviderConfig.BASE_URL, " http://localhost:8081 ");

        assertThat(config.getBaseUrl()).isEqualTo("http://localhost:8081");
        assertThat(config.getExpectedIssuer()).isEqualTo("http://localhost:8081/");
        assertThat(config.getEndpoints().authorizationUrl()).isEqualTo("http://localhost:8081/aas/oauth2/v2/ac");
        assertThat(config.getEndpoints().tokenUrl()).isEqualTo("http://localhost:8081/aas/oauth2/v3/te");
    }

    @Test
    void scopesAreNormalisedToSingleSpaces() {
        EsiaIdentityProviderConfig config = new EsiaIdentityProviderConfig();
        config.setDefaultScope("  openid   fullname\nsnils ");

        assertThat(config.getScopes()).isEqualTo("openid fullname snils");
    }

    @Test
    void aCompleteConfigurationPassesValidation() throws IOException {
        validPemConfig().validate(null);
    }

    @Test
    void validationRefusesWhatWouldBreakAFamilysLogin() throws IOException {
        EsiaIdentityProviderConfig noCertificates = validPemConfig();
        noCertificates.getConfig().remove(EsiaIdentityProviderConfig.ESIA_CERTIFICATES);
        assertThatThrownBy(() -> noCertificates.validate(null)).hasMessageContaining("token-verification certificate");

        EsiaIdentityProviderConfig garbageCertificate = validPemConfig();
        garbageCertificate.getConfig().put(EsiaIdentityProviderConfig.ESIA_CERTIFICATES, "not a certificate");
        assertThatThrownBy(() -> garbageCertificate.validate(null)).isInstanceOf(IllegalArgumentException.class);

        EsiaIdentityProviderConfig customWithoutUrl = validPemConfig();
        customWithoutUrl.getConfig().put(EsiaIdentityProviderConfig.ENVIRONMENT, "CUSTOM");
        assertThatThrownBy(() -> customWithoutUrl.validate(null)).hasMessageContaining("base URL");

        EsiaIdentityProviderConfig badTimeout = validPemConfig();
        badTimeout.getConfig().put(EsiaIdentityProviderConfig.READ_TIMEOUT_MS, "ten seconds");
        assertThatThrownBy(() -> badTimeout.validate(null)).hasMessageContaining("whole number");

        EsiaIdentityProviderConfig serviceWithoutUrl = validPemConfig();
        serviceWithoutUrl.getConfig().put(EsiaIdentityProviderConfig.SIGNING_METHOD, "SIGNING_SERVICE");
        assertThatThrownBy(() -> serviceWithoutUrl.validate(null)).hasMessageContaining("Signing service URL");
    }

    @Test
    void aLeewayOverFiveMinutesOrANegativeOneIsRefused() throws IOException {
        for (String leeway : new String[] {"301", "86400", "-1"}) {
            EsiaIdentityProviderConfig config = validPemConfig();
            config.getConfig().put(EsiaIdentityProviderConfig.CLOCK_SKEW_SECONDS, leeway);
            assertThatThrownBy(() -> config.validate(null)).as(leeway).hasMessageContaining("Clock skew leeway must be between 0 and 300 seconds");
        }
        EsiaIdentityProviderConfig bound = validPemConfig();
        bound.getConfig().put(EsiaIdentityProviderConfig.CLOCK_SKEW_SECONDS, "300");
        bound.validate(null);
    }

    @Test
    void timeoutsMustBeAboveZeroAndAtMostAMinute() throws IOException {
        for (String key : new String[] {EsiaIdentityProviderConfig.CONNECT_TIMEOUT_MS, EsiaIdentityProviderConfig.READ_TIMEOUT_MS}) {
            for (String value : new String[] {"0", "-5", "60001"}) {
                EsiaIdentityProviderConfig config = validPemConfig();
                config.getConfig().put(key, value);
                assertThatThrownBy(() -> config.validate(null)).as(key + "=" + value)
                        .hasMessageContaining("timeout must be between 1 and 60000 ms");
            }
            EsiaIdentityProviderConfig bound = validPemConfig();
            bound.getConfig().put(key, "60000");
            bound.validate(null);
        }
    }

    @Test
    void theProductionEsiaIsReachedOnlyOverHttps() throws IOException {
        EsiaIdentityProviderConfig plainSigning = validPemConfig();
        plainSigning.getConfig().put(EsiaIdentityProviderConfig.ENVIRONMENT, "PRODUCTION");
        plainSigning.getConfig().put(EsiaIdentityProviderConfig.SIGNING_METHOD, "SIGNING_SERVICE");
        plainSigning.getConfig().put(EsiaIdentityProviderConfig.SIGNING_SERVICE_URL, "http://signer.example/sign");
        assertThatThrownBy(() -> plainSigning.validate(null)).hasMessageContaining("Signing service URL must be an https:// URL");

        EsiaIdentityProviderConfig plainBase = validPemConfig();
        plainBase.getConfig().put(EsiaIdentityProviderConfig.ENVIRONMENT, "PRODUCTION");
        plainBase.getConfig().put(EsiaIdentityProviderConfig.BASE_URL, "http://esia.gosuslugi.ru");
        assertThatThrownBy(() -> plainBase.validate(null)).hasMessageContaining("ESIA base URL must be an https:// URL");

        EsiaIdentityProviderConfig secureSigning = validPemConfig();
        secureSigning.getConfig().put(EsiaIdentityProviderConfig.ENVIRONMENT, "PRODUCTION");
        secureSigning.getConfig().put(EsiaIdentityProviderConfig.SIGNING_METHOD, "SIGNING_SERVICE");
        secureSigning.getConfig().put(EsiaIdentityProviderConfig.SIGNING_SERVICE_URL, "https://signer.example/sign");
        secureSigning.validate(null);

        EsiaIdentityProviderConfig testStand = validPemConfig();
        testStand.getConfig().put(EsiaIdentityProviderConfig.SIGNING_METHOD, "SIGNING_SERVICE");
        testStand.getConfig().put(EsiaIdentityProviderConfig.SIGNING_SERVICE_URL, "http://localhost:9000/sign");
        testStand.validate(null);
    }

    @Test
    void vaultReferencesAreAcceptedWithoutBeingParsed() throws IOException {
        EsiaIdentityProviderConfig config = validPemConfig();
        config.getConfig().put(EsiaIdentityProviderConfig.CLIENT_PRIVATE_KEY, "${vault.esia-client-key}");
        config.getConfig().put(EsiaIdentityProviderConfig.ESIA_CERTIFICATES, "${vault.esia-certificates}");

        config.validate(null);
    }

    @Test
    void literalKeyMaterialIsRefusedOutsideDevelopmentModeWithAMessageThatSaysWhatToDo() throws IOException {
        Map<String, String> literals = Map.of(
                EsiaIdentityProviderConfig.CLIENT_PRIVATE_KEY, resource("/keys/client-gost.key.pem"),
                EsiaIdentityProviderConfig.CLIENT_PKCS12, "MIIKZQIBAzCCCh8GCSqGSIb3DQEHAaCCChAEggoM",
                EsiaIdentityProviderConfig.CLIENT_PKCS12_PASSWORD, "changeit",
                EsiaIdentityProviderConfig.SIGNING_SERVICE_TOKEN, "s3cr3t-bearer");
        for (Map.Entry<String, String> literal : literals.entrySet()) {
            EsiaIdentityProviderConfig config = validPemConfig();
            config.getConfig().put(literal.getKey(), literal.getValue());

            assertThatThrownBy(() -> EsiaSettingsValidator.validate(config, false)).as(literal.getKey())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be a vault reference")
                    .hasMessageNotContaining(literal.getValue());
            EsiaSettingsValidator.validate(config, true);   // start-dev: the demo's literal key keeps working
        }
    }

    @Test
    void onlyAWholeVaultReferenceCountsAsOne() throws IOException {
        for (String notAReference : List.of("${vault.esia-client-key}-----BEGIN PRIVATE KEY-----", "${vault.}", "x${vault.key}")) {
            EsiaIdentityProviderConfig config = validPemConfig();
            config.getConfig().put(EsiaIdentityProviderConfig.CLIENT_PRIVATE_KEY, notAReference);
            assertThatThrownBy(() -> EsiaSettingsValidator.validate(config, false)).as(notAReference)
                    .hasMessageContaining("must be a vault reference");
        }
    }

    @Test
    void theProviderRefusesALiteralKeyWhenKeycloakIsNotInDevelopmentMode() throws IOException {
        EsiaIdentityProviderConfig config = validPemConfig();
        config.getConfig().put(EsiaIdentityProviderConfig.CLIENT_PRIVATE_KEY, resource("/keys/client-gost.key.pem"));

        assertThat(System.getProperty("kc.profile")).as("the unit tests run as a production server would").isNull();
        assertThatThrownBy(() -> config.validate(null)).hasMessageContaining("Client private key (PEM) must be a vault reference");
    }

    static String resource(String path) throws IOException {
        try (InputStream in = EsiaIdentityProviderConfigTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
