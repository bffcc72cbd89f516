package ru.esiaedu.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.e2e.support.DeskApiClient;
import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.Mails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's JSON API for school systems: a confidential client with a service account, the client role
 * {@code school-desk/school-api} and the service account's {@code schoolOrganisationId} acts as that organisation's
 * administrator — and reaches nothing of another organisation. The demo realm's {@code school-sch1-system} is
 * МБОУ СОШ № 1's; this class adds one for Гимназия № 5 and two that must be refused.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class SchoolDeskApiE2ETest extends SchoolRealmBrowserTest {

    static final String SCH1_SYSTEM = "school-sch1-system";
    static final String SCH1_SECRET = "school-sch1-system-demo-secret";

    @BeforeAll
    static void aSystemOfTheGymnasiumAndTwoThatMayNot() {
        serviceAccountClient("school-gym5-system-e2e", "gym-chel-5", true);
        serviceAccountClient("school-no-role-e2e", "sch-chel-1", false);
        serviceAccountClient("school-no-organisation-e2e", null, true);
    }

    static void serviceAccountClient(String clientId, String organisationId, boolean apiRole) {
        String base = "/admin/realms/" + REALM;
        if (admin.get(base + "/clients?clientId=" + clientId).isEmpty()) {
            admin.post(base + "/clients", Map.of("clientId", clientId, "enabled", true, "publicClient", false,
                    "secret", clientId + "-secret", "serviceAccountsEnabled", true, "standardFlowEnabled", false));
        }
        String clientUuid = admin.get(base + "/clients?clientId=" + clientId).get(0).path("id").asText();
        JsonNode user = admin.get(base + "/clients/" + clientUuid + "/service-account-user");
        ObjectNode update = user.deepCopy();
        ObjectNode attributes = update.putObject("attributes");
        if (organisationId != null) {
            attributes.putArray("schoolOrganisationId").add(organisationId);
        }
        admin.put(base + "/users/" + user.path("id").asText(), update);
        if (apiRole) {
            String deskUuid = admin.get(base + "/clients?clientId=school-desk").get(0).path("id").asText();
            JsonNode role = admin.get(base + "/clients/" + deskUuid + "/roles/school-api");
            admin.post(base + "/users/" + user.path("id").asText() + "/role-mappings/clients/" + deskUuid,
                    List.of(Map.of("id", role.path("id").asText(), "name", "school-api")));
        }
    }

    private static DeskApiClient system(String clientId) throws Exception {
        return DeskApiClient.serviceAccount(keycloak.baseUrl(), REALM, clientId,
                SCH1_SYSTEM.equals(clientId) ? SCH1_SECRET : clientId + "-secret");
    }

    @Test
    void aSchoolSystemReadsItsClassAndEditsAFieldAsAudited() throws Exception {
        DeskApiClient sch1 = system(SCH1_SYSTEM);

        DeskApiClient.Answer roster = sch1.get("api/classes/sch1-5a/roster");
        assertThat(roster.status()).isEqualTo(200);
        assertThat(roster.json().path("schoolClass").path("name").asText()).isEqualTo("5А");
        JsonNode belov = null;
        for (JsonNode row : roster.json().path("rows")) {
            if ("acc-belov-sch1".equals(row.path("student").path("id").asText())) {
                belov = row.path("student");
            }
        }
        assertThat(belov).as("Белов in 5А").isNotNull();

        String phone = "+7 912 " + (100 + (int) (Math.random() * 800)) + "-01-16";
        String expected = belov.path("fields").path("PHONES").asText();
        DeskApiClient.Answer edit = sch1.send("PUT", "api/accounts/acc-belov-sch1/fields/PHONES",
                "{\"expected\":" + AdminApiJson.quote(expected) + ",\"value\":" + AdminApiJson.quote(phone) + "}");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.json().path("status").asText()).isEqualTo("saved");
        assertThat(new RegistrySql(keycloak).count("SELECT COUNT(*) FROM sr_change_audit WHERE account_id = 'acc-belov-sch1'"
                + " AND field = 'PHONES' AND actor = 'api:school-sch1-system'")).isGreaterThanOrEqualTo(1);
        JsonNode events = admin.get("/admin/realms/" + REALM + "/admin-events?max=500");
        assertThat(events.findValuesAsText("resourcePath")).as("Keycloak's admin event of the write")
                .anyMatch(path -> path.endsWith("api/accounts/acc-belov-sch1/fields/PHONES"));
        assertThat(events.toString()).doesNotContain(phone);

        DeskApiClient.Answer stale = sch1.send("PUT", "api/accounts/acc-belov-sch1/fields/PHONES",
                "{\"expected\":" + AdminApiJson.quote(expected) + ",\"value\":\"+7 912 000-00-00\"}");
        assertThat(stale.json().path("status").asText()).as("an edit from a stale read").isEqualTo("conflict");
        assertThat(stale.json().path("current").asText()).isEqualTo(edit.json().path("value").asText());
    }

    @Test
    void aSchoolSystemReachesNothingOfAnotherOrganisation() throws Exception {
        DeskApiClient gym5 = system("school-gym5-system-e2e");

        assertThat(gym5.get("api/classes").json().findValuesAsText("id")).contains("gym5-4v").doesNotContain("sch1-5a");
        assertThat(gym5.get("api/classes/gym5-4v/roster").status()).isEqualTo(200);
        assertThat(gym5.get("api/classes/sch1-5a/roster").status()).isEqualTo(404);
        assertThat(gym5.get("api/accounts/acc-belov-sch1").status()).isEqualTo(404);
        DeskApiClient.Answer edit = gym5.send("PUT", "api/accounts/acc-belov-sch1/fields/EMAILS",
                "{\"expected\":\"\",\"value\":\"stolen@example.ru\"}");
        assertThat(edit.status()).isEqualTo(404);
        assertThat(edit.body()).doesNotContain("Белов");
        assertThat(gym5.send("POST", "api/accounts/acc-belov-sch1/unlink", "{\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(gym5.get("api/search?text=" + java.net.URLEncoder.encode("Белов", "UTF-8")).json()).isEmpty();
        assertThat(new RegistrySql(keycloak).count("SELECT COUNT(*) FROM sr_account_email WHERE email = 'stolen@example.ru'"))
                .isZero();
    }

    @Test
    void aTokenWithoutTheApiRoleOrWithoutOrganisationOrWithoutAnyIsRefused() throws Exception {
        assertThat(system("school-no-role-e2e").get("api/classes/sch1-5a/roster").status()).isEqualTo(403);
        assertThat(system("school-no-organisation-e2e").get("api/classes/sch1-5a/roster").status()).isEqualTo(403);
        assertThat(DeskApiClient.withToken(keycloak.baseUrl(), REALM, "not-a-token").get("api/classes/sch1-5a/roster")
                .status()).isEqualTo(403);
        DeskApiClient.Answer anonymous = DeskApiClient.withToken(keycloak.baseUrl(), REALM, null).get("api/classes/sch1-5a/roster");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("Белов", "Орлов");
    }

    @Test
    void aRejectedRequestIsStoredAndTheRequesterGetsTheSchoolsComment() throws Exception {
        String email = "reject." + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
        long id = openRequest(email);
        DeskApiClient sch1 = system(SCH1_SYSTEM);
        assertThat(sch1.get("api/requests?status=NEW").json().findValuesAsText("contactEmail")).contains(email);

        DeskApiClient.Answer outcome = sch1.send("POST", "api/requests/" + id + "/reject",
                "{\"comment\":\"Ребёнок с таким именем у нас не учится\"}");

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.json().path("done").asBoolean()).isTrue();
        assertThat(outcome.json().path("mailSent").asBoolean()).isTrue();
        assertThat(outcome.json().path("request").path("status").asText()).isEqualTo("REJECTED");
        MimeMessage mail = Mails.waitForMailTo(email, "отклонено");
        assertThat(mail.getSubject()).contains(outcome.json().path("request").path("number").asText());
        assertThat(Mails.text(mail)).contains("Комментарий организации: Ребёнок с таким именем у нас не учится");
        assertThat(sch1.send("POST", "api/requests/" + id + "/reject", "{\"comment\":\"ещё раз\"}").json().path("done")
                .asBoolean()).as("a closed request stays closed").isFalse();
    }

    @Test
    void whenSmtpIsDownTheRejectionStandsAndTheAnswerSaysNoMailWasSent() throws Exception {
        long id = openRequest("smtp-down@example.ru");
        JsonNode realm = admin.get("/admin/realms/" + REALM);
        ObjectNode broken = realm.deepCopy();
        ((ObjectNode) broken.path("smtpServer")).put("port", "1");
        admin.put("/admin/realms/" + REALM, broken);
        DeskApiClient.Answer outcome;
        try {
            outcome = system(SCH1_SYSTEM).send("POST", "api/requests/" + id + "/reject", "{\"comment\":\"Нет такого ученика\"}");
        } finally {
            admin.put("/admin/realms/" + REALM, realm);
        }
        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.json().path("done").asBoolean()).isTrue();
        assertThat(outcome.json().path("mailSent").asBoolean()).isFalse();
        assertThat(outcome.json().path("message").asText()).contains("Письмо заявителю не отправлено");
        assertThat(new RegistrySql(keycloak).count("SELECT COUNT(*) FROM sr_access_request WHERE id = " + id
                + " AND status = 'REJECTED'")).isEqualTo(1);
    }

    @Test
    void theOpenApiDocumentIsServedByKeycloak() throws Exception {
        DeskApiClient.Answer document = DeskApiClient.withToken(keycloak.baseUrl(), REALM, null).get("openapi.yaml");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).startsWith("openapi: 3").contains("/api/classes/{classId}/roster", "school-api");
    }

    /** A request to МБОУ СОШ № 1 as the request step stores it (the inbox reads what is in the table). */
    private static long openRequest(String email) throws Exception {
        RegistrySql registry = new RegistrySql(keycloak);
        String key = "e2e-" + UUID.randomUUID();
        registry.execute("INSERT INTO sr_access_request (id, request_number, request_key, esia_oid, request_role, child_full_name,"
                + " organisation_type, organisation_id, class_name, contact_email, status, created_at)"
                + " SELECT n, 'Р-2026-' || LPAD(CAST(n AS VARCHAR), 6, '0'), '" + key + "', '1000300199', 'PARENT',"
                + " 'Иванов Иван', 'SCHOOL', 'sch-chel-1', '5А', '" + email + "', 'NEW', CURRENT_TIMESTAMP"
                + " FROM (SELECT nextval('sr_access_request_seq') AS n) seq");
        return registry.count("SELECT id FROM sr_access_request WHERE request_key = '" + key + "'");
    }

    /** JSON string literals for request bodies. */
    static final class AdminApiJson {
        static String quote(String value) throws Exception {
            return ru.esiaedu.e2e.support.AdminApi.JSON.writeValueAsString(value);
        }
    }
}
