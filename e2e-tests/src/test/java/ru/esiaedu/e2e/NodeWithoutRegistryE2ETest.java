package ru.esiaedu.e2e;

import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ru.esiaedu.e2e.support.HttpLogin;
import ru.esiaedu.e2e.support.KeycloakTestServer;
import ru.esiaedu.e2e.support.RealmFixture;
import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.SchoolPortal;
import ru.esiaedu.e2e.support.SharedEmulator;
import ru.esiaedu.emulator.EsiaEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production node started without the registry's database URL (a forgotten line in keycloak.conf) does not fall
 * back to the embedded demo registry, whose passwords are public: it logs an ERROR naming the missing option, and
 * every ESIA login through it ends on the registry-unavailable page with nothing created.
 */
class NodeWithoutRegistryE2ETest {

    private static final String REALM = "school";
    private static final String PARENT = "1000300125";

    private static KeycloakTestServer shared;
    private static KeycloakTestServer misconfigured;
    private static EsiaEmulator emulator;

    @BeforeAll
    static void aNodeWithoutTheRegistryUrl() {
        shared = KeycloakTestServer.get();
        emulator = SharedEmulator.get();
        RealmFixture.importInto(shared, emulator.baseUrl());
        misconfigured = shared.startAnotherNode("no-registry",
                options -> options.without("--spi-school-registry--jdbc--"));
    }

    @AfterAll
    static void stopIt() {
        if (misconfigured != null) {
            misconfigured.stopNode();
        }
    }

    @Test
    void theNodeLogsAnErrorNamingTheMissingOption() throws Exception {
        assertThat(Files.readAllLines(misconfigured.logFile()))
                .anyMatch(line -> line.contains("ERROR") && line.contains("spi-school-registry--jdbc--url"));
        JsonNode jdbc = misconfigured.admin().serverInfo().path("providers").path("school-registry")
                .path("providers").path("jdbc").path("operationalInfo");
        assertThat(jdbc.path("status").asText()).as("registry status in Provider info").isNotEqualTo("connected");
    }

    @Test
    void anEsiaLoginThroughItEndsOnTheRegistryUnavailablePageAndCreatesNothing() throws Exception {
        SchoolPortal portal = new SchoolPortal(shared.baseUrl(), REALM);
        HttpLogin.Outcome outcome = new HttpLogin(portal.throughNode(misconfigured.baseUrl(), REALM), emulator.baseUrl())
                .signIn("parent", PARENT);

        assertThat(outcome.backAtThePortalWithACode(portal)).as("where the node sent the device: %s", outcome).isFalse();
        assertThat(HttpLogin.text(outcome.pageText())).contains("Электронный журнал временно недоступен");
        assertThat(shared.admin().users(REALM, "esia-" + PARENT)).isEmpty();
        assertThat(new RegistrySql(shared).linkedAccounts(PARENT)).isEmpty();
        assertThat(HttpLogin.text(outcome.pageText())).doesNotContain("Exception");
    }
}
