package ru.esiaedu.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.esiaedu.e2e.support.KeycloakTestServer;
import ru.esiaedu.e2e.support.PostgresDatabase;
import ru.esiaedu.e2e.support.SqlScript;

/**
 * The shared server runs as docs/ru/installation.md installs it: built with deploy/build-options, the registry on
 * its own database with the users of deploy/registry/*.sql, its password from the environment variable (never on
 * the command line), health and metrics on the management port.
 */
class ProductionConfigurationE2ETest {

    static KeycloakTestServer keycloak;

    @BeforeAll
    static void startServer() {
        keycloak = KeycloakTestServer.get();
    }

    @Test
    void registryIsConnectedAsItsOwnUserWithThePasswordFromTheEnvironment() throws SQLException {
        JsonNode jdbc = keycloak.admin().serverInfo().path("providers").path("school-registry")
                .path("providers").path("jdbc").path("operationalInfo");
        assertThat(jdbc.path("status").asText()).as("registry status in Provider info").isEqualTo("connected");

        try (Connection connection = keycloak.database().adminConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT usename FROM pg_stat_activity"
                     + " WHERE application_name = 'keycloak-school-registry'")) {
            List<String> users = new ArrayList<>();
            while (rows.next()) {
                users.add(rows.getString(1));
            }
            assertThat(users).as("who the registry pool connects as").containsExactly(PostgresDatabase.REGISTRY_USER);
        }
    }

    @Test
    void registryPasswordIsNeverOnACommandLine() {
        String password = keycloak.database().registryPassword();
        List<ProcessHandle> processes = keycloak.processes();
        assertThat(processes).as("kc.sh and its JVM").hasSizeGreaterThanOrEqualTo(1);
        for (ProcessHandle process : processes) {
            String commandLine = process.info().commandLine().orElse("");
            assertThat(commandLine).doesNotContain(password);
        }
        assertThat(processes.stream().map(p -> p.info().commandLine().orElse("")))
                .as("the registry is configured on the command line, but for the password")
                .anyMatch(line -> line.contains("--spi-school-registry--jdbc--username=" + PostgresDatabase.REGISTRY_USER))
                .noneMatch(line -> line.contains("--spi-school-registry--jdbc--password"));
    }

    @Test
    void registryUserCannotLogInWithoutItsPassword() {
        // What makes the test above meaningful: a wrong or missing password is refused over TCP.
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(keycloak.database().registryJdbcUrl(),
                PostgresDatabase.REGISTRY_USER, "not-the-password").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPort() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(keycloak.managementUrl() + "/health/ready"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).containsPattern("\"status\"\\s*:\\s*\"UP\"");

        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(keycloak.managementUrl() + "/metrics"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");

        HttpResponse<String> onPublicPort = http.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/health/ready"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onPublicPort.statusCode()).as("health is not served on the public port").isEqualTo(404);
    }

    @Test
    void theImportExampleLoadsAsTheLoaderUser() throws SQLException {
        try (Connection loader = keycloak.database().loaderConnection()) {
            loader.setAutoCommit(false);
            try {
                SqlScript.registry("03-import-example.sql", Map.of()).run(loader);
                try (Statement statement = loader.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT a.last_name_norm, c.name FROM sr_account a"
                             + " JOIN sr_class c ON c.id = a.class_id JOIN sr_parent_student ps"
                             + " ON ps.student_account_id = a.id WHERE ps.parent_account_id = 'sch-example-7-parent-1'")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("СЕМЕНОВА");
                    assertThat(rows.getString(2)).isEqualTo("5А");
                }
            } finally {
                loader.rollback(); // the other tests see the demo registry only
            }
        }
    }

    @Test
    void theLoaderUserCanNeitherCreateNorDropTables() throws SQLException {
        try (Connection loader = keycloak.database().loaderConnection(); Statement statement = loader.createStatement()) {
            assertThatThrownBy(() -> statement.execute("CREATE TABLE sr_loader_scratch (id INT)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("DROP TABLE sr_account_phone"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
        }
    }
}
