package ru.esiaedu.throughput;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A real PostgreSQL (zonky's embedded binaries, no Docker): Keycloak's database and the school registry's own
 * database, as production keeps them apart.
 */
final class BenchDatabase implements AutoCloseable {
    static final String KEYCLOAK_DB = "keycloak";
    static final String REGISTRY_DB = "school_registry";

    private final EmbeddedPostgres postgres;

    private BenchDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static BenchDatabase start(Path target, int port) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(target.resolve("postgres-data"))
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Keycloak's default pool is 100 connections per node; two nodes and the registry need more.
                    .setServerConfig("max_connections", "300")
                    .setOutputRedirector(Redirect.appendTo(target.resolve("postgres.log").toFile()))
                    .setErrorRedirector(Redirect.appendTo(target.resolve("postgres.log").toFile()))
                    .setRegisterShutdownHook(false)
                    .start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + KEYCLOAK_DB);
                s.execute("CREATE DATABASE " + REGISTRY_DB + " ENCODING 'UTF8' TEMPLATE template0");
            }
            return new BenchDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start (see " + target.resolve("postgres.log") + ")", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the databases", e);
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** initdb ran with trust authentication. */
    String username() {
        return "postgres";
    }

    String password() {
        return "postgres";
    }

    /** The parents' cards of the generated people (the registry's tables exist once Keycloak has migrated them). */
    void insertCards(List<GeneratedRegion.Adult> adults) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(REGISTRY_DB), username(), password())) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO sr_account (id, account_role, organisation_id,"
                    + " last_name, first_name, middle_name, last_name_norm, first_name_norm, middle_name_norm,"
                    + " birth_date, snils) VALUES (?, 'PARENT', ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (GeneratedRegion.Adult a : adults) {
                    p.setString(1, a.cardId());
                    p.setString(2, GeneratedRegion.ORGANISATION);
                    p.setString(3, a.lastName());
                    p.setString(4, a.firstName());
                    p.setString(5, a.middleName());
                    p.setString(6, GeneratedRegion.normalisedName(a.lastName()));
                    p.setString(7, GeneratedRegion.normalisedName(a.firstName()));
                    p.setString(8, GeneratedRegion.normalisedName(a.middleName()));
                    p.setObject(9, a.birthDate());
                    p.setString(10, a.snilsDigits());
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
        }
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
