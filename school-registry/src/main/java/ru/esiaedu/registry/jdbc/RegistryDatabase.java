package ru.esiaedu.registry.jdbc;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.jboss.logging.Logger;
import ru.esiaedu.registry.RegistryUnavailableException;

/**
 * The connection pool (Agroal, shipped with Keycloak) plus the schema migration (Liquibase, shipped with Keycloak).
 * One per provider factory; {@link #close()} closes the pool.
 */
final class RegistryDatabase implements AutoCloseable {

    static final String CHANGELOG = "db/registry/changelog-master.xml";
    static final String CHANGELOG_TABLE = "REGISTRY_DATABASECHANGELOG";
    static final String CHANGELOG_LOCK_TABLE = "REGISTRY_DATABASECHANGELOGLOCK";

    private static final Logger LOG = Logger.getLogger(RegistryDatabase.class);

    enum Dialect { H2, POSTGRESQL, OTHER }

    private final AgroalDataSource dataSource;
    private final RegistryConfig config;
    private final Dialect dialect;

    private RegistryDatabase(AgroalDataSource dataSource, RegistryConfig config, Dialect dialect) {
        this.dataSource = dataSource;
        this.config = config;
        this.dialect = dialect;
    }

    /** Creates the pool, checks the connection and applies pending changesets. */
    static RegistryDatabase open(RegistryConfig config, String password) throws RegistryUnavailableException {
        AgroalDataSource dataSource;
        try {
            dataSource = new io.agroal.pool.DataSource(poolConfiguration(config, password).get());
        } catch (RuntimeException e) {
            LOG.warnf("school registry: cannot create the connection pool for %s: %s", config.safeUrl(),
                    e.getClass().getName());
            throw new RegistryUnavailableException("school registry: cannot create the connection pool");
        }
        try {
            Dialect dialect;
            try (Connection connection = dataSource.getConnection()) {
                String product = connection.getMetaData().getDatabaseProductName();
                dialect = "H2".equalsIgnoreCase(product) ? Dialect.H2
                        : "PostgreSQL".equalsIgnoreCase(product) ? Dialect.POSTGRESQL : Dialect.OTHER;
                migrate(connection, config.demoData());
            }
            LOG.infof("school registry: connected to %s (%s), schema up to date, demo data %s", config.safeUrl(),
                    dialect, config.demoData() ? "on" : "off");
            return new RegistryDatabase(dataSource, config, dialect);
        } catch (SQLException e) {
            dataSource.close();
            throw Failures.unavailable("connect", e);
        } catch (LiquibaseException | RuntimeException e) {
            dataSource.close();
            Throwable root = rootCause(e);
            LOG.warnf("school registry: schema migration failed: %s (%s)", root.getClass().getName(),
                    root instanceof SQLException sql ? "SQLState " + sql.getSQLState() : "no SQLState");
            LOG.debug("school registry: schema migration failure", e);
            throw new RegistryUnavailableException("school registry: schema migration failed");
        }
    }

    private static AgroalDataSourceConfigurationSupplier poolConfiguration(RegistryConfig config, String password) {
        Class<?> driver = driverClass(config);
        Duration login = Duration.ofSeconds(config.loginTimeoutSeconds());
        return new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .initialSize(0)
                        .minSize(0)
                        .maxSize(config.poolSize())
                        .acquisitionTimeout(login)
                        .validationTimeout(Duration.ofMinutes(1))
                        .connectionValidator(ConnectionValidator.defaultValidator())
                        .validateOnBorrow(true)
                        .reapTimeout(Duration.ofMinutes(5))
                        .maxLifetime(Duration.ofMinutes(30))
                        .connectionFactoryConfiguration(factory -> {
                            factory.jdbcUrl(config.url())
                                    .loginTimeout(login)
                                    .autoCommit(true)
                                    .trackJdbcResources(true);
                            if (driver != null) {
                                factory.connectionProviderClass(driver);
                            }
                            if (config.isPostgres()) {
                                // fail fast on a black-holed host, too
                                factory.jdbcProperty("connectTimeout", String.valueOf(config.loginTimeoutSeconds()))
                                        .jdbcProperty("socketTimeout", String.valueOf(config.queryTimeoutSeconds() * 4 + 5))
                                        .jdbcProperty("ApplicationName", "keycloak-school-registry")
                                        // the import's batches go as multi-row INSERTs, not one round trip a row
                                        .jdbcProperty("reWriteBatchedInserts", "true");
                            }
                            if (config.username() != null) {
                                factory.principal(new NamePrincipal(config.username()));
                            }
                            if (password != null) {
                                factory.credential(new SimplePassword(password));
                            }
                            return factory;
                        }));
    }

    /** The driver class itself, so no DriverManager / ServiceLoader lookup is needed inside Keycloak. */
    private static Class<?> driverClass(RegistryConfig config) {
        String name = config.isH2() ? "org.h2.Driver" : config.isPostgres() ? "org.postgresql.Driver" : null;
        if (name == null) {
            return null;
        }
        try {
            return Class.forName(name, true, RegistryDatabase.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("JDBC driver not found: " + name);
        }
    }

    private static void migrate(Connection connection, boolean demoData) throws LiquibaseException {
        try {
            Scope.child(Map.of(AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE,
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    Scope.Attr.classLoader.name(), RegistryDatabase.class.getClassLoader()), () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                database.setDatabaseChangeLogTableName(CHANGELOG_TABLE);
                database.setDatabaseChangeLogLockTableName(CHANGELOG_LOCK_TABLE);
                Liquibase liquibase = new Liquibase(CHANGELOG,
                        new ClassLoaderResourceAccessor(RegistryDatabase.class.getClassLoader()), database);
                liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);   // not on Keycloak's stdout
                // Changesets without a context always run; "demo" ones only with demo-data=true.
                liquibase.update(new Contexts(demoData ? "demo" : "no-demo"), new LabelExpression());
            });
        } catch (LiquibaseException e) {
            throw e;
        } catch (Exception e) {
            Throwable cause = e.getCause();
            if (cause instanceof LiquibaseException le) {
                throw le;
            }
            throw new LiquibaseException(e);
        }
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    RegistryConfig config() {
        return config;
    }

    Dialect dialect() {
        return dialect;
    }

    String nextValueSql(String sequence) {
        return dialect == Dialect.POSTGRESQL ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
