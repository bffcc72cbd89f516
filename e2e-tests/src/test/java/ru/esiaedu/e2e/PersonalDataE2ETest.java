package ru.esiaedu.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.e2e.support.AdminApi;
import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.SchoolPortal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 152-ФЗ, tried as the person who must not get the data: a third party holding a portal token, a session-note
 * mapper, another realm's admin, an admin saving settings that switch checks off.
 */
class PersonalDataE2ETest extends SchoolRealmBrowserTest {

    private static final String PARENT = "1000300101";
    private static final String PARENT_SNILS = "112-233-445 95";

    /** The portal's ordinary token is no key to Keycloak's account API, and that API shows no document anyway. */
    @Test
    void thePortalsAccessTokenReadsNoDocumentsFromTheAccountApi() throws Exception {
        JsonNode tokens = signInAsParent();
        String accessToken = tokens.path("access_token").asText();
        JsonNode claims = SchoolPortal.claims(accessToken);
        assertThat(claims.path("aud").toString()).as("the portal's token is not for the account API").doesNotContain("\"account\"");

        HttpResponse<String> account = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak.baseUrl() + "/realms/" + REALM + "/account"))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(account.body()).as("account API answered %d", account.statusCode())
                .doesNotContain(PARENT_SNILS, "passport", "esiaChildren", "birthCertificate", "5550101");

        // What stays is for admins only: the user profile lets the person see their name and e-mail, nothing of ESIA's.
        JsonNode profile = admin.get("/admin/realms/" + REALM + "/users/profile");
        for (JsonNode attribute : profile.path("attributes")) {
            String name = attribute.path("name").asText();
            if (!List.of("username", "email", "firstName", "lastName").contains(name)) {
                assertThat(attribute.path("permissions").path("view").toString()).as(name).doesNotContain("user");
            }
        }
        // Documents and children are not kept after the login at all.
        JsonNode user = admin.get("/admin/realms/" + REALM + "/users?exact=true&briefRepresentation=false&username=esia-" + PARENT).get(0);
        assertThat(user.path("attributes").has("passport")).isFalse();
        assertThat(user.path("attributes").has("esiaChildren")).isFalse();
        assertThat(user.path("attributes").has("birthCertificate")).isFalse();
    }

    /**
     * Keycloak's OAuth2 broker keeps the federated access token as a user-session note; a session-note mapper would
     * hand ESIA's token to any client. After an ESIA login, no such note exists.
     */
    @Test
    void noUserSessionNoteHoldsTheEsiaTokenAfterTheLogin() throws Exception {
        String clientId = admin.get("/admin/realms/" + REALM + "/clients?clientId=" + SchoolPortal.CLIENT_ID).get(0).path("id").asText();
        admin.post("/admin/realms/" + REALM + "/clients/" + clientId + "/protocol-mappers/models", Map.of(
                "name", "esia token note", "protocol", "openid-connect", "protocolMapper", "oidc-usersessionmodel-note-mapper",
                "config", Map.of("user.session.note", "FEDERATED_ACCESS_TOKEN", "claim.name", "esia_token",
                        "access.token.claim", "true", "id.token.claim", "true", "jsonType.label", "String")));
        emulator.clearRequests();

        JsonNode tokens = signInAsParent();

        assertThat(emulator.requests()).as("the login went through ESIA's token endpoint")
                .anySatisfy(request -> assertThat(request.endpoint()).contains("/te"));
        for (String token : List.of("access_token", "id_token")) {
            assertThat(SchoolPortal.claims(tokens.path(token).asText()).has("esia_token")).as(token).isFalse();
        }
    }

    /** The registry serves every realm of the server; a realm's admin sees the consents of that realm's clients only. */
    @Test
    void anotherRealmsAdminSeesNoConsentAndTheCsvIsSafeForRussianExcel() throws Exception {
        String client = "pd-scope-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/admin/realms/" + REALM + "/clients", Map.of("clientId", client, "enabled", true, "publicClient", true));
        RegistrySql registry = new RegistrySql(keycloak);
        registry.execute("INSERT INTO sr_consent_request (student_account_id, client_id, status, pending, student_approves,"
                + " created_at, decided_at, decided_by_account_id) VALUES ('acc-kuznetsov-dou12', '" + client + "', 'APPROVED',"
                + " NULL, FALSE, now(), now(), 'acc-kuznetsova-dou12')");
        registry.execute("INSERT INTO sr_consent (request_id, student_account_id, client_id, grantor_account_id, grantor_esia_oid,"
                + " self_granted, text_version, granted_at) SELECT id, student_account_id, client_id, decided_by_account_id,"
                + " '1000399999', FALSE, '=1+2;v1', now() FROM sr_consent_request WHERE client_id = '" + client + "'");

        String other = "pd-other-" + UUID.randomUUID().toString().substring(0, 8);
        admin.importRealm("{\"realm\":\"" + other + "\",\"enabled\":true}");
        try {
            AdminApi otherAdmin = admin.limitedAdmin(other, "user-viewer", "view-users");
            AdminApi.Response list = otherAdmin.send("GET", "/admin/realms/" + other + "/esia-consents?max=1000", null);
            AdminApi.Response csv = otherAdmin.send("GET", "/admin/realms/" + other + "/esia-consents/export.csv", null);
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.json()).as("another realm's consents").isEmpty();
            assertThat(csv.body()).doesNotContain(client, "acc-kuznetsov-dou12");

            JsonNode own = admin.get("/admin/realms/" + REALM + "/esia-consents?student=acc-kuznetsov-dou12&max=1000");
            assertThat(own).anySatisfy(record -> assertThat(record.path("clientId").asText()).isEqualTo(client));
            String export = admin.send("GET", "/admin/realms/" + REALM + "/esia-consents/export.csv?student=acc-kuznetsov-dou12", null).body();
            assertThat(export).startsWith("\uFEFFid;requestId;studentAccountId;");
            assertThat(export).contains(";acc-kuznetsov-dou12;" + client + ";", ";\"'=1+2;v1\";");
        } finally {
            admin.delete("/admin/realms/" + other);
        }
    }

    /** A leeway of a day switches ESIA's expiry check off; plain HTTP to the production signing service leaks the key's work. */
    @Test
    void dangerousSettingsAreRefusedOnSave() {
        JsonNode idp = admin.identityProvider(REALM, "esia");

        ObjectNode dayLeeway = idp.deepCopy();
        ((ObjectNode) dayLeeway.path("config")).put("clockSkewSeconds", "86400");
        ObjectNode zeroTimeout = idp.deepCopy();
        ((ObjectNode) zeroTimeout.path("config")).put("readTimeoutMs", "0");
        ObjectNode plainSigning = idp.deepCopy();
        ((ObjectNode) plainSigning.path("config")).put("esiaEnvironment", "PRODUCTION").put("signingMethod", "SIGNING_SERVICE")
                .put("signingServiceUrl", "http://signer.school.example/sign");

        try {
            for (Map.Entry<ObjectNode, String> refused : Map.of(dayLeeway, "Clock skew", zeroTimeout, "Read timeout",
                    plainSigning, "https://").entrySet()) {
                AdminApi.Response response = admin.send("PUT", "/admin/realms/" + REALM + "/identity-provider/instances/esia", refused.getKey());
                assertThat(response.status()).as(response.body()).isEqualTo(400);
                assertThat(response.body()).contains(refused.getValue());
            }
            assertThat(admin.identityProvider(REALM, "esia").path("config")).isEqualTo(idp.path("config"));
        } finally {
            admin.updateIdentityProvider(REALM, "esia", idp);   // a wrongly accepted save must not break the other tests
        }
    }

    /**
     * Offline tokens outlive a revoked consent by weeks: the portal is not offered the {@code offline_access} scope,
     * so Keycloak refuses an authorization request asking for it ({@code invalid_scope}) and issues no code.
     */
    @Test
    void thePortalCannotAskForOfflineTokens() {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()).replace("scope=openid", "scope=openid%20offline_access"));

        String back = pages.waitForUrl(url -> url.contains("/.well-known/openid-configuration"));
        assertThat(SchoolPortal.queryParam(back, "error")).as(back).isEqualTo("invalid_scope");
        assertThat(SchoolPortal.queryParam(back, "code")).isNull();
    }

    private JsonNode signInAsParent() throws Exception {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(PARENT).grantIfAsked();
        return portal.tokens(pages.waitForUrl(portal::isRedirectBack));
    }
}
