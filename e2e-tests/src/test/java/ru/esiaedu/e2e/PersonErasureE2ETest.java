package ru.esiaedu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.esiaedu.e2e.support.AdminApi;
import ru.esiaedu.e2e.support.RegistrySql;

/**
 * Forgetting one ESIA person on their request ({@code POST /admin/realms/{realm}/esia-links/erasure}): the Keycloak
 * user with their federated identity goes, every registry account linked to the oid is free again, their access
 * requests are deleted, and the consent records stay, marked with the reason. Only a user manager of this realm may.
 * The person, their account and records are this class's own (oid {@code 1000490001}, account
 * {@code acc-e2e-erasure-sch1}); no emulator person has that oid.
 */
class PersonErasureE2ETest extends SchoolRealmBrowserTest {

    private static final String OID = "1000490001";
    private static final String ACCOUNT = "acc-e2e-erasure-sch1";
    private static final String CLIENT = "school-portal";
    private static final String REASON = "Заявление об уничтожении персональных данных № 21 от 02.12.2026";

    @Test
    void onlyThisRealmsUserManagerForgetsThePersonAndTheConsentRecordStaysWithTheReason() throws Exception {
        RegistrySql registry = new RegistrySql(keycloak);
        registry.execute("INSERT INTO sr_account (id, account_role, organisation_id, last_name, first_name,"
                + " last_name_norm, first_name_norm, birth_date, esia_oid, created_at) VALUES ('" + ACCOUNT + "', 'STUDENT',"
                + " 'sch-chel-1', 'Стиралкина', 'Ева', 'СТИРАЛКИНА', 'ЕВА', DATE '2008-03-01', '" + OID + "', now())");
        registry.execute("INSERT INTO sr_account_link (account_id, esia_oid, how, linked_at) VALUES ('" + ACCOUNT + "', '"
                + OID + "', 'SNILS', now())");
        registry.execute("INSERT INTO sr_consent_request (student_account_id, client_id, status, pending, student_approves,"
                + " created_at, decided_at, decided_by_account_id) VALUES ('" + ACCOUNT + "', '" + CLIENT + "', 'APPROVED',"
                + " NULL, TRUE, now(), now(), '" + ACCOUNT + "')");
        registry.execute("INSERT INTO sr_consent (request_id, student_account_id, client_id, grantor_account_id,"
                + " grantor_esia_oid, self_granted, text_version, granted_at) SELECT MAX(id), '" + ACCOUNT + "', '" + CLIENT
                + "', '" + ACCOUNT + "', '" + OID + "', TRUE, '2026-11', now() FROM sr_consent_request"
                + " WHERE student_account_id = '" + ACCOUNT + "'");
        registry.execute("INSERT INTO sr_access_request (id, request_number, request_key, esia_oid, request_role,"
                + " child_full_name, organisation_type, organisation_id, class_name, contact_email, status, created_at)"
                + " VALUES (nextval('sr_access_request_seq'), 'Р-2026-E2E901', 'e2e-erasure-1', '" + OID + "', 'STUDENT',"
                + " 'Стиралкина Ева', 'SCHOOL', 'sch-chel-1', '11А', 'eva.erasure@example.ru', 'NEW', now())");
        String location = admin.post("/admin/realms/" + REALM + "/users", Map.of("username", "esia-" + OID,
                "enabled", true, "firstName", "Ева", "lastName", "Стиралкина"));
        String userId = location.substring(location.lastIndexOf('/') + 1);
        admin.post("/admin/realms/" + REALM + "/users/" + userId + "/federated-identity/esia",
                Map.of("identityProvider", "esia", "userId", OID, "userName", "esia-" + OID));
        String erasure = "/admin/realms/" + REALM + "/esia-links/erasure";
        Map<String, String> body = Map.of("esiaOid", OID, "reason", REASON);

        // Refused: another realm's user manager, and this realm's admin who may only view users.
        String other = "person-erasure-" + UUID.randomUUID().toString().substring(0, 8);
        admin.importRealm("{\"realm\":\"" + other + "\",\"enabled\":true}");
        try {
            AdminApi otherAdmin = admin.limitedAdmin(other, "user-manager", "manage-users");
            assertThat(otherAdmin.send("POST", erasure, body).status()).isIn(401, 403);
            assertThat(otherAdmin.send("POST", "/admin/realms/" + other + "/esia-links/erasure", body).status())
                    .as("in its own realm the person is unknown, and nothing of the shared registry is touched")
                    .isEqualTo(404);
        } finally {
            admin.delete("/admin/realms/" + other);
        }
        AdminApi viewer = admin.limitedAdmin(REALM, "erasure-viewer-" + UUID.randomUUID().toString().substring(0, 8),
                "view-users");
        assertThat(viewer.send("POST", erasure, body).status()).isEqualTo(403);
        assertThat(registry.linkedAccounts(OID)).as("nothing erased by the refused calls").containsExactly(ACCOUNT);
        assertThat(admin.user(REALM, userId).path("id").asText()).isEqualTo(userId);

        AdminApi manager = admin.limitedAdmin(REALM, "erasure-manager-" + UUID.randomUUID().toString().substring(0, 8),
                "manage-users");
        assertThat(manager.send("POST", erasure, Map.of("esiaOid", OID, "userId", userId, "reason", REASON)).status())
                .as("exactly one of esiaOid / userId").isEqualTo(400);
        assertThat(manager.send("POST", erasure, Map.of("esiaOid", OID, "reason", " ")).status()).isEqualTo(400);
        AdminApi.Response done = manager.send("POST", erasure, body);

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("accountsUnlinked").asInt()).isEqualTo(1);
        assertThat(done.json().path("accessRequestsDeleted").asInt()).isEqualTo(1);
        assertThat(done.json().path("consentsRevoked").asInt()).isEqualTo(1);
        assertThat(done.json().path("consentsKept").asInt()).isEqualTo(1);
        assertThat(admin.send("GET", "/admin/realms/" + REALM + "/users/" + userId, null).status()).isEqualTo(404);
        assertThat(admin.users(REALM, "esia-" + OID).size()).isZero();
        assertThat(registry.linkedAccounts(OID)).isEmpty();
        assertThat(registry.count("SELECT COUNT(*) FROM sr_account_link WHERE account_id = '" + ACCOUNT
                + "' AND unlinked_at IS NOT NULL AND unlinked_by LIKE 'admin:%' AND unlink_reason = '" + REASON + "'"))
                .as("the link's own record says who undid it and why").isEqualTo(1);
        assertThat(registry.count("SELECT COUNT(*) FROM sr_access_request WHERE esia_oid = '" + OID + "'")).isZero();
        assertThat(registry.count("SELECT COUNT(*) FROM sr_consent WHERE student_account_id = '" + ACCOUNT
                + "' AND revoked_at IS NOT NULL AND erasure_reason = '" + REASON + "' AND erased_by LIKE 'admin:%'"))
                .as("the consent record stays, with the reason").isEqualTo(1);
        assertThat(manager.send("POST", erasure, body).status()).as("forgotten: nobody left to erase").isEqualTo(404);
    }
}
