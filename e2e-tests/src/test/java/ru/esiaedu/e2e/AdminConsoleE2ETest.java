package ru.esiaedu.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.e2e.support.AdminApi;
import ru.esiaedu.e2e.support.BrowserExtension;
import ru.esiaedu.e2e.support.KeycloakTestServer;
import ru.esiaedu.e2e.support.RealmFixture;

import static org.assertj.core.api.Assertions.assertThat;

/** What a realm admin meets in the console: the provider in the list, its form with help texts, its mapper. */
class AdminConsoleE2ETest {

    private static final String REALM = "console-check";

    @RegisterExtension
    static final BrowserExtension BROWSER = BrowserExtension.desktop();

    private static KeycloakTestServer keycloak;
    private static AdminApi admin;

    @BeforeAll
    static void emptyRealm() {
        keycloak = KeycloakTestServer.get();
        admin = keycloak.admin();
        admin.importRealm("{\"realm\":\"" + REALM + "\",\"enabled\":true}");
    }

    @Test
    void everySettingIsAFormFieldWithHelpText() {
        JsonNode factory = admin.get("/admin/realms/" + REALM + "/identity-provider/providers/esia");
        List<String> names = new ArrayList<>();
        JsonNode properties = factory.path("configProperties");
        properties.forEach(property -> {
            names.add(property.path("name").asText());
            assertThat(property.path("helpText").asText()).as(property.path("name").asText()).isNotBlank();
            assertThat(property.path("label").asText()).as(property.path("name").asText()).isNotBlank();
        });
        assertThat(names).contains("esiaEnvironment", "esiaBaseUrl", "esiaProtocol", "signingMethod", "clientPrivateKey",
                "clientCertificate", "clientPkcs12", "clientPkcs12Password", "signingServiceUrl", "esiaCertificates",
                "acceptOnlyConfirmed", "connectTimeoutMs", "readTimeoutMs", "clockSkewSeconds");
        JsonNode keyField = find(properties, "clientPrivateKey");
        assertThat(keyField.path("secret").asBoolean()).as("private key is masked and vault-capable").isTrue();
        assertThat(find(properties, "acceptOnlyConfirmed").path("defaultValue").asText()).isEqualTo("true");
    }

    @Test
    void aCompleteProviderSavesAndOffersTheEsiaAttributeMapper() throws Exception {
        JsonNode demoProvider = AdminApi.JSON.readTree(RealmFixture.load()).path("identityProviders").get(0).deepCopy();
        ((ObjectNode) demoProvider).put("alias", "esia-saved");
        ((ObjectNode) demoProvider).remove("firstBrokerLoginFlowAlias"); // flows of the demo realm, not of this one
        ((ObjectNode) demoProvider).remove("postBrokerLoginFlowAlias");

        AdminApi.Response saved = admin.send("POST", "/admin/realms/" + REALM + "/identity-provider/instances", demoProvider);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);

        JsonNode mapperTypes = admin.get("/admin/realms/" + REALM + "/identity-provider/instances/esia-saved/mapper-types");
        assertThat(mapperTypes.has("esia-user-attribute-mapper")).isTrue();
        assertThat(mapperTypes.path("esia-user-attribute-mapper").path("name").asText()).isEqualTo("ЕСИА: атрибут из данных Госуслуг");
    }

    @Test
    void savingAnIncompleteProviderIsRefusedWithAClearMessage() {
        AdminApi.Response response = admin.send("POST", "/admin/realms/" + REALM + "/identity-provider/instances",
                Map.of("alias", "esia", "providerId", "esia", "enabled", true,
                        "config", Map.of("clientId", "SCHOOL01", "clientSecret", "x")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("certificate");
        assertThat(admin.send("GET", "/admin/realms/" + REALM + "/identity-provider/instances/esia", null).status()).isEqualTo(404);
    }

    @Test
    void theConsoleListsGosuslugiAndShowsItsForm() {
        BROWSER.get().open(keycloak.baseUrl() + "/admin/master/console/");
        BROWSER.get().waitFor(By.id("username")).sendKeys("admin");
        BROWSER.get().driver().findElement(By.id("password")).sendKeys("admin");
        BROWSER.get().driver().findElement(By.id("kc-login")).click();
        BROWSER.get().waitFor(By.cssSelector("[data-testid='currentRealm'], #nav-toggle, nav"), Duration.ofSeconds(60));

        BROWSER.get().open(keycloak.baseUrl() + "/admin/master/console/#/" + REALM + "/identity-providers");
        waitForText("ЕСИА (Госуслуги)");
        BROWSER.get().open(keycloak.baseUrl() + "/admin/master/console/#/" + REALM + "/identity-providers/esia/add");
        String form = waitForText("Сертификаты ЕСИА");

        assertThat(form).contains("Среда ЕСИА", "Способ подписи", "Сертификаты ЕСИА", "Только подтверждённые учётные записи");
    }

    private String waitForText(String text) {
        new WebDriverWait(BROWSER.get().driver(), Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return new ru.esiaedu.e2e.support.EsiaPages(BROWSER.get(), "").bodyText();
    }

    private static JsonNode find(JsonNode properties, String name) {
        for (JsonNode property : properties) {
            if (name.equals(property.path("name").asText())) {
                return property;
            }
        }
        throw new AssertionError("no property " + name);
    }

}
