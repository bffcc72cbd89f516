package ru.esiaedu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import ru.esiaedu.e2e.support.BrowserExtension;
import ru.esiaedu.e2e.support.KeycloakTestServer;
import ru.esiaedu.e2e.support.RealmFixture;
import ru.esiaedu.e2e.support.SharedEmulator;

/** The harness itself: our distribution starts on PostgreSQL, takes a realm, serves a login page. */
class KeycloakServerSmokeTest {

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.phone();

    static KeycloakTestServer keycloak;
    static String realm;

    @BeforeAll
    static void startServerAndImportRealm() {
        keycloak = KeycloakTestServer.get();
        realm = RealmFixture.importInto(keycloak, SharedEmulator.get().baseUrl());
    }

    @Test
    void runsThePinnedDistributionWithOurProviderJarOnPostgres() throws IOException {
        assertThat(esiaIdpJars()).as("esia-idp JAR in %s", keycloak.home().resolve("providers")).hasSize(1);

        // The root pom's keycloak.server.version, passed by surefire (our JARs are compiled against the SPI version).
        String pinned = System.getProperty("keycloak.server.version");
        assertThat(pinned).as("system property keycloak.server.version (run through Maven)").isNotBlank();
        JsonNode info = keycloak.admin().serverInfo();
        assertThat(info.path("systemInfo").path("version").asText()).isEqualTo(pinned);
        assertThat(Files.readString(keycloak.logFile()))
                .as("Keycloak log")
                .contains("Keycloak " + pinned + " ")
                .containsIgnoringCase("postgres");
    }

    @Test
    void listsTheEsiaIdentityProviderUnderItsRussianName() {
        JsonNode info = keycloak.admin().serverInfo();
        List<String> entries = new ArrayList<>();
        info.path("socialProviders").forEach(p -> entries.add(p.path("id").asText() + "=" + p.path("name").asText()));
        assertThat(entries).contains("esia=ЕСИА (Госуслуги)");
    }

    @Test
    void importsTheRealm() {
        JsonNode representation = keycloak.admin().get("/admin/realms/" + realm);
        assertThat(representation.path("realm").asText()).isEqualTo(realm);
        assertThat(representation.path("enabled").asBoolean()).isTrue();
    }

    @Test
    void accountConsoleSendsTheBrowserToTheLoginPage() {
        browser.get().open(keycloak.baseUrl() + "/realms/" + realm + "/account");

        // The school realm signs in only through Gosuslugi: the first page is «Войти с ролью».
        browser.get().waitFor(By.id("esia-role-parent"));
        assertThat(browser.get().driver().findElement(By.id("esia-role-student")).isDisplayed()).isTrue();
        assertThat(browser.get().driver().findElement(By.id("esia-role-staff")).isDisplayed()).isTrue();
        assertThat(browser.get().currentUrl())
                .startsWith(keycloak.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/auth");
    }

    private static List<Path> esiaIdpJars() throws IOException {
        try (Stream<Path> files = Files.list(keycloak.home().resolve("providers"))) {
            return files.filter(p -> p.getFileName().toString().matches("esia-idp-.*\\.jar")).toList();
        }
    }
}
