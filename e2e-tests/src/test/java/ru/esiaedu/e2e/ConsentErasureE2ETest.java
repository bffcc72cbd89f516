package ru.esiaedu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.esiaedu.e2e.support.AdminApi;
import ru.esiaedu.e2e.support.RegistrySql;

/**
 * Erasure of a student's consent data on the person's request, through the admin REST endpoint: only an admin of the
 * realm who may manage users; what no consent rests on goes, the consent record stays revoked with the reason next
 * to it. Student account {@code acc-semenova-sch1}; no other class writes consents for her.
 */
class ConsentErasureE2ETest extends SchoolRealmBrowserTest {

    private static final String STUDENT = "acc-semenova-sch1";
    private static final String CLIENT = "school-portal";
    private static final String REASON = "Заявление о прекращении обработки № 17 от 01.12.2026";

    @Test
    void onlyThisRealmsUserManagerErasesAndTheConsentRecordStaysWithTheReason() throws Exception {
        RegistrySql registry = new RegistrySql(keycloak);
        registry.execute("INSERT INTO sr_consent_request (student_account_id, client_id, status, pending, student_approves,"
                + " created_at, decided_at, decided_by_account_id) VALUES ('" + STUDENT + "', '" + CLIENT + "', 'APPROVED',"
                + " NULL, TRUE, now(), now(), '" + STUDENT + "')");
        registry.execute("INSERT INTO sr_consent (request_id, student_account_id, client_id, grantor_account_id,"
                + " grantor_esia_oid, self_granted, text_version, granted_at) SELECT MAX(id), '" + STUDENT + "', '" + CLIENT
                + "', '" + STUDENT + "', '1000300111', TRUE, '2026-11', now() FROM sr_consent_request WHERE student_account_id = '"
                + STUDENT + "'");
        registry.execute("INSERT INTO sr_consent_request (student_account_id, client_id, status, pending, student_approves,"
                + " created_at) VALUES ('" + STUDENT + "', 'diary-app-erasure', 'PENDING', TRUE, FALSE, now())");
        admin.post("/admin/realms/" + REALM + "/clients", Map.of("clientId", "diary-app-erasure", "enabled", true,
                "publicClient", true));
        Map<String, String> body = Map.of("student", STUDENT, "reason", REASON);
        String erasure = "/admin/realms/" + REALM + "/esia-consents/erasure";

        // Refused: another realm's user manager, and this realm's admin who may only view users.
        String other = "erasure-other-" + UUID.randomUUID().toString().substring(0, 8);
        admin.importRealm("{\"realm\":\"" + other + "\",\"enabled\":true}");
        try {
            AdminApi otherAdmin = admin.limitedAdmin(other, "user-manager", "manage-users");
            assertThat(otherAdmin.send("POST", erasure, body).status()).isIn(401, 403);
            assertThat(otherAdmin.send("POST", "/admin/realms/" + other + "/esia-consents/erasure", body).json()
                    .path("consentsRevoked").asInt()).as("in its own realm it reaches no client of ours").isZero();
        } finally {
            admin.delete("/admin/realms/" + other);
        }
        AdminApi viewer = admin.limitedAdmin(REALM, "consent-viewer-" + UUID.randomUUID().toString().substring(0, 8), "view-users");
        assertThat(viewer.send("POST", erasure, body).status()).isEqualTo(403);
        assertThat(activeConsents()).as("nothing erased by the refused calls").isEqualTo(1);

        AdminApi manager = admin.limitedAdmin(REALM, "consent-manager-" + UUID.randomUUID().toString().substring(0, 8), "manage-users");
        assertThat(manager.send("POST", erasure, Map.of("student", STUDENT, "reason", " ")).status()).isEqualTo(400);
        AdminApi.Response done = manager.send("POST", erasure, body);

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("requestsDeleted").asInt()).isEqualTo(1);
        assertThat(done.json().path("consentsRevoked").asInt()).isEqualTo(1);
        assertThat(done.json().path("consentsKept").asInt()).isEqualTo(1);
        assertThat(activeConsents()).isZero();
        assertThat(registry.count("SELECT COUNT(*) FROM sr_consent WHERE student_account_id = '" + STUDENT
                + "' AND revoked_by_account_id = '" + STUDENT + "' AND erasure_reason = '" + REASON
                + "' AND erased_by LIKE 'admin:%'")).isEqualTo(1);
        assertThat(registry.count("SELECT COUNT(*) FROM sr_consent_request WHERE student_account_id = '" + STUDENT
                + "' AND status = 'PENDING'")).isZero();
        assertThat(admin.get("/admin/realms/" + REALM + "/esia-consents?student=" + STUDENT))
                .as("the record stays in the admin list, revoked").singleElement()
                .satisfies(record -> assertThat(record.path("active").asBoolean()).isFalse());
    }

    private long activeConsents() throws Exception {
        return new RegistrySql(keycloak).count("SELECT COUNT(*) FROM sr_consent WHERE student_account_id = '" + STUDENT
                + "' AND revoked_at IS NULL");
    }
}
