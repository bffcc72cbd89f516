package ru.esiaedu.registry.jdbc;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.vault.VaultStringSecret;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;
import ru.esiaedu.registry.SchoolRegistryProviderFactory;

/**
 * Provider {@value #ID} of SPI {@code school-registry}. The connection pool is opened on first use (and the schema
 * migrated then), once per Keycloak node, and closed with the factory. A failed open is not cached: the next
 * login tries again.
 */
public final class JdbcSchoolRegistryProviderFactory implements SchoolRegistryProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "jdbc";

    private static final Logger LOG = Logger.getLogger(JdbcSchoolRegistryProviderFactory.class);

    private RegistryConfig config;
    private Clock clock = Clock.systemDefaultZone();
    private volatile RegistryDatabase database;
    private volatile String lastFailure;
    /** No URL and no embedded demo asked for: every use fails as "unavailable". */
    private volatile boolean notConfigured;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope scope) {
        Optional<RegistryConfig> configured = RegistryConfig.from(scope, Environment.isDevMode());
        if (configured.isEmpty()) {
            notConfigured = true;
            LOG.error("school registry: option 'spi-school-registry--jdbc--url' is not set; every ESIA login ends on "
                    + "the registry-unavailable page until it is (for the demo database only, set "
                    + "--spi-school-registry--jdbc--embedded-demo=true)");
            return;
        }
        init(configured.get());
    }

    /** For tests and embedding: configure without Keycloak's config system. */
    public void init(RegistryConfig registryConfig) {
        this.config = registryConfig;
        LOG.infof("school registry: provider '%s' configured: %s", ID, config);
        if (config.usesDefaultUrl()) {
            LOG.warn("school registry: using the embedded H2 demo database with the public demo accounts; "
                    + "configure PostgreSQL (option 'url') for production");
        }
    }

    /** For tests: the clock that dates links and access requests (the request number carries its year). */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (!notConfigured && config.initializeAtStartup()) {
            try {
                database(null);
            } catch (RegistryUnavailableException e) {
                LOG.warnf("school registry: not available at startup (%s); will retry on first use", e.getMessage());
            }
        }
    }

    @Override
    public SchoolRegistryProvider create(KeycloakSession session) {
        return new JdbcSchoolRegistryProvider(() -> database(session), clock);
    }

    /** The factory's database, opened on first call. */
    RegistryDatabase database(KeycloakSession session) throws RegistryUnavailableException {
        if (notConfigured) {
            throw new RegistryUnavailableException("school registry: no database configured (option 'url')", null);
        }
        RegistryDatabase db = database;
        if (db != null) {
            return db;
        }
        synchronized (this) {
            if (database == null) {
                try {
                    database = RegistryDatabase.open(config, password(session));
                    lastFailure = null;
                } catch (RegistryUnavailableException e) {
                    lastFailure = e.getMessage();
                    throw e;
                }
            }
            return database;
        }
    }

    /** The configured password, or the realm vault's secret for a {@code ${vault.key}} reference. */
    private String password(KeycloakSession session) throws RegistryUnavailableException {
        if (!config.passwordIsVaultReference()) {
            return config.password();
        }
        RealmModel realm = session == null || session.getContext() == null ? null : session.getContext().getRealm();
        if (realm == null) {
            throw new RegistryUnavailableException(
                    "school registry: the password is a vault reference and no realm is available to resolve it");
        }
        try (VaultStringSecret secret = session.vault().getStringSecret(config.password())) {
            return secret.get().orElseThrow(() -> new RegistryUnavailableException(
                    "school registry: the password's vault key was not found"));
        }
    }

    @Override
    public void close() {
        RegistryDatabase db;
        synchronized (this) {
            db = database;
            database = null;
        }
        if (db != null) {
            db.close();
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(RegistryConfig.URL).type(ProviderConfigProperty.STRING_TYPE)
                .label("JDBC URL")
                .helpText("JDBC URL of the school registry database, e.g. jdbc:postgresql://db:5432/registry. "
                        + "Default: an embedded H2 file database in Keycloak's data directory "
                        + "(jdbc:h2:file:${kc.home.dir}/data/school-registry;MODE=PostgreSQL), for demo and development only.")
                .add()
                .property().name(RegistryConfig.USERNAME).type(ProviderConfigProperty.STRING_TYPE)
                .label("Username").helpText("Database user (default 'sa' for the embedded H2 database).").add()
                .property().name(RegistryConfig.PASSWORD).type(ProviderConfigProperty.PASSWORD).secret(true)
                .label("Password")
                .helpText("Database password, or a vault reference ${vault.key} resolved with the vault of the realm "
                        + "of the first login that uses the registry.")
                .add()
                .property().name(RegistryConfig.POOL_SIZE).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Pool size").helpText("Maximum connections per Keycloak node.")
                .defaultValue(RegistryConfig.DEFAULT_POOL_SIZE).add()
                .property().name(RegistryConfig.QUERY_TIMEOUT).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Query timeout, s").helpText("JDBC query timeout of every registry query.")
                .defaultValue(RegistryConfig.DEFAULT_QUERY_TIMEOUT).add()
                .property().name(RegistryConfig.LOGIN_TIMEOUT).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Connect timeout, s")
                .helpText("How long to wait for a database connection (new or from the pool).")
                .defaultValue(RegistryConfig.DEFAULT_LOGIN_TIMEOUT).add()
                .property().name(RegistryConfig.DEMO_DATA).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("Demo data")
                .helpText("Load the demo organisations and accounts (Liquibase context 'demo'). "
                        + "Default: true for the embedded H2 database, false otherwise.")
                .add()
                .property().name(RegistryConfig.EMBEDDED_DEMO).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("Embedded demo database")
                .helpText("Without 'url': use the embedded H2 database with the public demo accounts. Default: only "
                        + "in development mode (start-dev); a production start without 'url' logs an ERROR and every "
                        + "ESIA login ends on the registry-unavailable page.")
                .defaultValue(false).add()
                .property().name(RegistryConfig.INITIALIZE_AT_STARTUP).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("Initialise at startup")
                .helpText("Open the pool and migrate the schema when Keycloak starts instead of at first use.")
                .defaultValue(false).add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        if (config != null) {
            info.put("url", config.safeUrl());
            info.put("pool-size", String.valueOf(config.poolSize()));
            info.put("query-timeout-seconds", String.valueOf(config.queryTimeoutSeconds()));
            info.put("demo-data", String.valueOf(config.demoData()));
        }
        info.put("status", notConfigured ? "not configured: option 'url' is missing"
                : database != null ? "connected" : lastFailure != null ? lastFailure : "not opened yet");
        return info;
    }
}
