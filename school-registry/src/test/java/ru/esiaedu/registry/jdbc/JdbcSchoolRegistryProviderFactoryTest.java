package ru.esiaedu.registry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.Spi;
import ru.esiaedu.registry.SchoolRegistryProvider;
import ru.esiaedu.registry.SchoolRegistryProviderFactory;
import ru.esiaedu.registry.SchoolRegistrySpi;

class JdbcSchoolRegistryProviderFactoryTest {

    @Test
    void spiAndFactoryAreRegistered() {
        assertThat(ServiceLoader.load(Spi.class).stream().map(ServiceLoader.Provider::type))
                .contains(SchoolRegistrySpi.class);
        assertThat(ServiceLoader.load(SchoolRegistryProviderFactory.class).stream().map(ServiceLoader.Provider::get))
                .singleElement().extracting(SchoolRegistryProviderFactory::getId).isEqualTo("jdbc");
        SchoolRegistrySpi spi = new SchoolRegistrySpi();
        assertThat(spi.getName()).isEqualTo("school-registry");
        assertThat(spi.isInternal()).isFalse();
        assertThat(spi.getProviderClass()).isEqualTo(SchoolRegistryProvider.class);
        assertThat(spi.getProviderFactoryClass()).isEqualTo(SchoolRegistryProviderFactory.class);
    }

    @Test
    void defaultsAreTheEmbeddedDemoDatabase() {
        String before = System.getProperty("kc.home.dir");
        System.setProperty("kc.home.dir", "/opt/keycloak");
        try {
            RegistryConfig config = RegistryConfig.from(new MapScope(Map.of()));
            assertThat(config.url()).isEqualTo("jdbc:h2:file:/opt/keycloak/data/school-registry;MODE=PostgreSQL");
            assertThat(config.usesDefaultUrl()).isTrue();
            assertThat(config.demoData()).isTrue();
            assertThat(config.poolSize()).isEqualTo(5);
            assertThat(config.queryTimeoutSeconds()).isEqualTo(3);
            assertThat(config.loginTimeoutSeconds()).isEqualTo(5);
            assertThat(config.initializeAtStartup()).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty("kc.home.dir");
            } else {
                System.setProperty("kc.home.dir", before);
            }
        }
    }

    @Test
    void aConfiguredDatabaseHasNoDemoDataUnlessAskedFor() {
        RegistryConfig config = RegistryConfig.from(new MapScope(Map.of("url", "jdbc:postgresql://db:5432/registry",
                "username", "registry", "password", "s3cret", "pool-size", "12", "query-timeout-seconds", "7")));
        assertThat(config.demoData()).isFalse();
        assertThat(config.poolSize()).isEqualTo(12);
        assertThat(config.queryTimeoutSeconds()).isEqualTo(7);
        assertThat(RegistryConfig.from(new MapScope(Map.of("url", "jdbc:postgresql://db/registry",
                "demo-data", "true"))).demoData()).isTrue();
    }

    @Test
    void secretsStayOutOfToStringAndOperationalInfo() {
        RegistryConfig config = RegistryConfig.from(new MapScope(Map.of(
                "url", "jdbc:postgresql://user:pw@db:5432/registry?password=s3cret&ssl=true", "password", "s3cret")));
        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("pw@");
        assertThat(config.safeUrl()).isEqualTo("jdbc:postgresql://***@db:5432/registry");
        JdbcSchoolRegistryProviderFactory factory = new JdbcSchoolRegistryProviderFactory();
        factory.init(config);
        assertThat(factory.getOperationalInfo().toString()).doesNotContain("s3cret");
        assertThat(factory.getOperationalInfo()).containsEntry("status", "not opened yet");
    }

    @Test
    void vaultReferenceIsRecognised() {
        assertThat(RegistryConfig.from(new MapScope(Map.of("url", "jdbc:postgresql://db/r", "password",
                "${vault.registry_password}"))).passwordIsVaultReference()).isTrue();
        assertThat(RegistryConfig.from(new MapScope(Map.of("url", "jdbc:postgresql://db/r", "password",
                "plain"))).passwordIsVaultReference()).isFalse();
    }

    @Test
    void withoutAUrlAProductionStartGetsNoDatabaseAndNeverTheDemoAccounts() throws Exception {
        assertThat(RegistryConfig.from(new MapScope(Map.of()), false)).isEmpty();
        assertThat(RegistryConfig.from(new MapScope(Map.of("embedded-demo", "false")), true)).isEmpty();
        JdbcSchoolRegistryProviderFactory factory = new JdbcSchoolRegistryProviderFactory();
        factory.init(new MapScope(Map.of()));   // the unit tests run outside development mode
        try {
            assertThatThrownBy(() -> factory.create(null).organisations())
                    .isInstanceOf(ru.esiaedu.registry.RegistryUnavailableException.class)
                    .hasMessageContaining("no database configured");
            assertThatThrownBy(() -> factory.create(null).checkLegacyLogin("sch-chel-1", ru.esiaedu.registry.RegistryRole.STAFF,
                    "sokolova.e", "Sgo-2024!".toCharArray()))
                    .isInstanceOf(ru.esiaedu.registry.RegistryUnavailableException.class);
            assertThat(factory.getOperationalInfo()).containsEntry("status", "not configured: option 'url' is missing");
        } finally {
            factory.close();
        }
    }

    @Test
    void theEmbeddedDemoDatabaseOnlyWhenAskedForOrInDevelopmentMode() {
        assertThat(RegistryConfig.from(new MapScope(Map.of("embedded-demo", "true")), false))
                .hasValueSatisfying(config -> assertThat(config.usesDefaultUrl()).isTrue());
        assertThat(RegistryConfig.from(new MapScope(Map.of()), true))
                .hasValueSatisfying(config -> assertThat(config.demoData()).isTrue());
        assertThat(RegistryConfig.from(new MapScope(Map.of("url", "jdbc:postgresql://db/r")), false)).isPresent();
    }

    @Test
    void badOptionsFailAtStartup() {
        assertThatThrownBy(() -> RegistryConfig.from(new MapScope(Map.of("url", "postgres://db"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegistryConfig.from(new MapScope(Map.of("pool-size", "0"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configMetadataDocumentsEveryOption() {
        assertThat(new JdbcSchoolRegistryProviderFactory().getConfigMetadata())
                .extracting(ProviderConfigProperty::getName)
                .containsExactly("url", "username", "password", "pool-size", "query-timeout-seconds",
                        "login-timeout-seconds", "demo-data", "embedded-demo", "initialize-at-startup");
        assertThat(new JdbcSchoolRegistryProviderFactory().getConfigMetadata())
                .allSatisfy(p -> assertThat(p.getHelpText()).isNotBlank());
    }
}
