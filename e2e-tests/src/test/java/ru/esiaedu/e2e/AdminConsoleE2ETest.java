package ru.esiaedu.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.Vault;

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
        assertThat(find(properties, "clientPrivateKey").path("helpText").asText()).contains("${vault.");
        assertThat(find(properties, "acceptOnlyConfirmed").path("defaultValue").asText()).isEqualTo("true");
    }

    @Test
    void aCompleteProviderSavesAndOffersTheEsiaAttributeMapper() throws Exception {
        ObjectNode demoProvider = demoProvider("esia-saved");
        ((ObjectNode) demoProvider.path("config")).put("clientPrivateKey", Vault.CLIENT_KEY_REFERENCE);

        AdminApi.Response saved = admin.send("POST", "/admin/realms/" + REALM + "/identity-provider/instances", demoProvider);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);

        JsonNode mapperTypes = admin.get("/admin/realms/" + REALM + "/identity-provider/instances/esia-saved/mapper-types");
        assertThat(mapperTypes.has("esia-user-attribute-mapper")).isTrue();
        assertThat(mapperTypes.path("esia-user-attribute-mapper").path("name").asText()).isEqualTo("ЕСИА: атрибут из данных Госуслуг");
    }

    /**
     * Keycloak masks only {@code clientSecret} of an identity provider: whatever else is stored comes back in clear to
     * every admin who may view identity providers. So on this server (production mode) literal key material is
     * refused on save, and a viewer sees references only.
     */
    @Test
    void keyMaterialNeverReachesAnAdminWhoMayOnlyViewIdentityProviders() throws Exception {
        ObjectNode literal = demoProvider("esia-literal");
        String pem = literal.path("config").path("clientPrivateKey").asText();
        assertThat(pem).as("the demo realm's key is a literal PEM").contains("PRIVATE KEY");
        ((ObjectNode) literal.path("config")).put("clientPkcs12Password", "keystore-password-in-clear")
                .put("signingServiceToken", "signing-token-in-clear");

        AdminApi.Response refused = admin.send("POST", instances(), literal);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("must be a vault reference").doesNotContain("PRIVATE KEY");

        ObjectNode fromVault = demoProvider("esia-vault");
        ((ObjectNode) fromVault.path("config")).put("clientPrivateKey", Vault.CLIENT_KEY_REFERENCE)
                .put("clientPkcs12Password", "${vault.esia-keystore-password}")
                .put("signingServiceToken", "${vault.esia-signing-token}");
        assertThat(admin.send("POST", instances(), fromVault).status()).isEqualTo(201);

        AdminApi viewer = admin.limitedAdmin(REALM, "idp-viewer-" + UUID.randomUUID(), "view-identity-providers");
        AdminApi.Response list = viewer.send("GET", instances(), null);
        AdminApi.Response one = viewer.send("GET", instances() + "/esia-vault", null);
        assertThat(list.status()).as("the viewer may view providers: %s", list.body()).isEqualTo(200);
        assertThat(one.status()).isEqualTo(200);
        for (String body : List.of(list.body(), one.body())) {
            assertThat(body).doesNotContain("PRIVATE KEY", pem.substring(30, 60), "keystore-password-in-clear", "signing-token-in-clear");
        }
        assertThat(one.json().path("config").path("clientPrivateKey").asText()).isEqualTo(Vault.CLIENT_KEY_REFERENCE);
        // and may not change them
        assertThat(viewer.send("PUT", instances() + "/esia-vault", one.json()).status()).isEqualTo(403);
    }

    /** The consent records name children: only an admin who may view users reads them. */
    @Test
    void theConsentRecordsAreRefusedToAnAdminWhoMayNotViewUsers() {
        AdminApi viewer = admin.limitedAdmin(REALM, "no-users-" + UUID.randomUUID(), "view-identity-providers");
        AdminApi userViewer = admin.limitedAdmin(REALM, "user-viewer-" + UUID.randomUUID(), "view-users");

        assertThat(viewer.send("GET", "/admin/realms/" + REALM + "/esia-consents", null).status()).isEqualTo(403);
        assertThat(viewer.send("GET", "/admin/realms/" + REALM + "/esia-consents/export.csv", null).status()).isEqualTo(403);
        AdminApi.Response allowed = userViewer.send("GET", "/admin/realms/" + REALM + "/esia-consents", null);
        assertThat(allowed.status()).as("the same call with view-users: %s", allowed.body()).isEqualTo(200);
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

    /** The demo realm's provider as realm-export ships it (literal key), under another alias. */
    private static ObjectNode demoProvider(String alias) throws Exception {
        ObjectNode provider = (ObjectNode) AdminApi.JSON.readTree(RealmFixture.load()).path("identityProviders").get(0).deepCopy();
        provider.put("alias", alias);
        provider.remove("firstBrokerLoginFlowAlias"); // flows of the demo realm, not of this one
        provider.remove("postBrokerLoginFlowAlias");
        return provider;
    }

    private static String instances() {
        return "/admin/realms/" + REALM + "/identity-provider/instances";
    }

    private static JsonNode find(JsonNode properties, String name) {
        for (JsonNode property : properties) {
            if (name.equals(property.path("name").asText())) {
                return property;
            }
        }
        throw new AssertionError("no property " + name);
    }

    /** Undoing a wrong link: only an admin who may manage users; the account is free again and the record kept. */
    @Test
    void anAdminWhoMayManageUsersUnlinksAWrongLinkAndAViewerMayNot() throws Exception {
        RegistrySql registry = new RegistrySql(keycloak);
        registry.execute("INSERT INTO sr_account (id, account_role, organisation_id, last_name, first_name, last_name_norm,"
                + " first_name_norm, esia_oid, created_at) VALUES ('acc-wrong-link-e2e', 'PARENT', 'gym-chel-5', 'Орлова',"
                + " 'Вера', 'ОРЛОВА', 'ВЕРА', '1000300999', CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING");
        registry.execute("INSERT INTO sr_account_link (account_id, esia_oid, how, linked_at) VALUES ('acc-wrong-link-e2e',"
                + " '1000300999', 'PHONE', CURRENT_TIMESTAMP)");
        String path = "/admin/realms/" + REALM + "/esia-links/acc-wrong-link-e2e?reason=wrong%20person";
        AdminApi viewer = admin.limitedAdmin(REALM, "links-viewer-" + UUID.randomUUID(), "view-users");
        AdminApi manager = admin.limitedAdmin(REALM, "links-manager-" + UUID.randomUUID(), "manage-users");

        assertThat(viewer.send("DELETE", path, null).status()).isEqualTo(403);
        assertThat(registry.linkedAccounts("1000300999")).containsExactly("acc-wrong-link-e2e");

        AdminApi.Response done = manager.send("DELETE", path, null);
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(registry.linkedAccounts("1000300999")).isEmpty();
        assertThat(registry.count("SELECT COUNT(*) FROM sr_account_link WHERE account_id = 'acc-wrong-link-e2e'"
                + " AND unlinked_by LIKE 'admin:%' AND unlink_reason = 'wrong person'")).isEqualTo(1);
        assertThat(manager.send("DELETE", path, null).status()).as("nothing left to undo").isEqualTo(404);
    }
}
