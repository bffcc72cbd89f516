package ru.esiaedu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.SchoolPortal;
import ru.esiaedu.e2e.support.SharedPortal;

/**
 * «Отозвать» ends what the consent allowed: the student's refresh and offline tokens of that client system obtained
 * before the revocation are refused by Keycloak's real token endpoint right after it, not at the next login; another
 * student's tokens of the same client keep working. A revocation in Gosuslugi ends them at the next login attempt.
 *
 * <p>Persons: 1000300104 (15, account {@code acc-dzhalilov-sch1}) and his mother 1000300101 ({@code
 * acc-zakharchenko-sch1}), who gave the consent on the platform; 1000300103 (19, {@code acc-petrov-sch1}), who
 * consented for himself. The consents are written as the approval page would have written them; no other class asks
 * the registry source about these students.
 */
class ConsentRevocationE2ETest extends SchoolRealmBrowserTest {

    private static final String TEEN = "1000300104";
    private static final String TEEN_ACCOUNT = "acc-dzhalilov-sch1";
    private static final String MOTHER = "1000300101";
    private static final String MOTHER_ACCOUNT = "acc-zakharchenko-sch1";
    private static final String ADULT = "1000300103";
    private static final String ADULT_ACCOUNT = "acc-petrov-sch1";

    @BeforeAll
    static void consentsOnThePlatformAndOfflineAccessForThePortal() throws Exception {
        ConsentSteps.useConsentSource(admin, REALM, "registry");
        grantConsent(TEEN_ACCOUNT, MOTHER_ACCOUNT, MOTHER);
        grantConsent(ADULT_ACCOUNT, ADULT_ACCOUNT, ADULT);
        // The portal may ask for offline tokens (an operator's choice; the demo realm does not offer it).
        String portal = admin.get("/admin/realms/" + REALM + "/clients?clientId=" + SchoolPortal.CLIENT_ID).get(0).path("id").asText();
        for (JsonNode scope : admin.get("/admin/realms/" + REALM + "/client-scopes")) {
            if ("offline_access".equals(scope.path("name").asText())) {
                assertThat(admin.send("PUT", "/admin/realms/" + REALM + "/clients/" + portal + "/optional-client-scopes/"
                        + scope.path("id").asText(), null).ok()).isTrue();
            }
        }
    }

    @AfterAll
    static void consentsBackInGosuslugi() {
        ConsentSteps.useConsentSource(admin, REALM, "esia");
    }

    @Test
    void aParentsRevocationEndsTheStudentsRefreshAndOfflineTokensAndLeavesAnotherStudentsAlone() throws Exception {
        String online = signInForTokens(TEEN, "openid").path("refresh_token").asText();
        BROWSER.get().deleteAllCookies();
        JsonNode offlineTokens = signInForTokens(TEEN, "openid offline_access");
        String offline = offlineTokens.path("refresh_token").asText();
        assertThat(SchoolPortal.claims(offline).path("typ").asText()).isEqualTo("Offline");
        BROWSER.get().deleteAllCookies();
        String otherStudent = signInForTokens(ADULT, "openid").path("refresh_token").asText();

        // Before the revocation every token refreshes.
        online = refreshed(online);
        offline = refreshed(offline);
        otherStudent = refreshed(otherStudent);

        String teen = admin.users(REALM, "esia-" + TEEN).get(0).path("id").asText();
        String adult = admin.users(REALM, "esia-" + ADULT).get(0).path("id").asText();
        long teenSessions = portalSessions(teen);
        assertThat(teenSessions).isPositive();
        assertThat(portalOfflineSessions(teen)).isEqualTo(1);

        // The mother revokes on the platform's consent page.
        long consentId = new RegistrySql(keycloak).count("SELECT id FROM sr_consent WHERE student_account_id = '"
                + TEEN_ACCOUNT + "' AND revoked_at IS NULL");
        BROWSER.get().deleteAllCookies();
        long since = System.currentTimeMillis();
        BROWSER.get().open(SharedPortal.get(keycloak).baseUrl() + "/consents");
        pages.signInAs(MOTHER).grantIfAsked();
        chooseProfileIfAsked(MOTHER_ACCOUNT);
        pages.clickVisible(By.id("revoke-" + consentId));
        pages.waitForText("Согласие отозвано");

        SchoolPortal.Refreshed afterOnline = portal.refresh(online);
        SchoolPortal.Refreshed afterOffline = portal.refresh(offline);
        assertThat(afterOnline.status()).as("refresh token after the revocation: %s", afterOnline.body()).isEqualTo(400);
        assertThat(afterOnline.body().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(afterOffline.status()).as("offline token after the revocation: %s", afterOffline.body()).isEqualTo(400);
        assertThat(afterOffline.body().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(portal.refresh(otherStudent).status()).as("another student's refresh token").isEqualTo(200);
        assertThat(portalSessions(teen)).isZero();
        assertThat(portalOfflineSessions(teen)).isZero();
        assertThat(portalSessions(adult)).as("another student's session").isPositive();
        assertThat(ConsentSteps.detailsSince(admin, REALM, "REVOKE_GRANT", "ended_sessions", since))
                .containsExactly(Long.toString(teenSessions));
        assertThat(ConsentSteps.detailsSince(admin, REALM, "REVOKE_GRANT", "ended_offline_sessions", since)).containsExactly("1");
    }

    /**
     * A consent revoked in Gosuslugi is not announced to the platform: the student's next login finds none in force
     * and ends the sessions obtained under it, so the refresh token of the earlier login stops working there.
     */
    @Test
    void aLoginThatFindsTheGosuslugiConsentRevokedEndsTheEarlierSessionsRefreshToken() throws Exception {
        String child = "1000300109";
        ConsentSteps.useConsentSource(admin, REALM, "esia");
        try {
            emulator.consents().grant("SCHOOL01", child, "1000300102");
            String earlier = signInForTokens(child, "openid").path("refresh_token").asText();
            earlier = refreshed(earlier);

            emulator.consents().revokeAll(child);
            BROWSER.get().deleteAllCookies();
            BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()) + "&role=student");
            pages.signInAs(child).grantIfAsked();
            pages.waitForText("Для входа в дневник нужно согласие одного из родителей.");

            SchoolPortal.Refreshed after = portal.refresh(earlier);
            assertThat(after.status()).as("the earlier login's refresh token: %s", after.body()).isEqualTo(400);
            assertThat(after.body().path("error").asText()).isEqualTo("invalid_grant");
        } finally {
            emulator.consents().grant("SCHOOL01", child, "1000300102");
            ConsentSteps.useConsentSource(admin, REALM, "registry");
        }
    }

    /** The user's online sessions that include the portal, as the admin console lists them. */
    private static long portalSessions(String userId) {
        long count = 0;
        for (JsonNode session : admin.get("/admin/realms/" + REALM + "/users/" + userId + "/sessions")) {
            for (JsonNode client : session.path("clients")) {
                if (SchoolPortal.CLIENT_ID.equals(client.asText())) {
                    count++;
                }
            }
        }
        return count;
    }

    private static long portalOfflineSessions(String userId) {
        String portal = admin.get("/admin/realms/" + REALM + "/clients?clientId=" + SchoolPortal.CLIENT_ID).get(0).path("id").asText();
        return admin.get("/admin/realms/" + REALM + "/users/" + userId + "/offline-sessions/" + portal).size();
    }

    /** Refreshes and returns the new refresh token; fails unless the token endpoint accepts the grant. */
    private String refreshed(String refreshToken) throws Exception {
        SchoolPortal.Refreshed answer = portal.refresh(refreshToken);
        assertThat(answer.status()).as("refresh before the revocation: %s", answer.body()).isEqualTo(200);
        return answer.body().path("refresh_token").asText();
    }

    private JsonNode signInForTokens(String oid, String scope) throws Exception {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString(), scope) + "&role=student");
        pages.signInAs(oid).grantIfAsked();
        return portal.tokens(pages.waitForUrl(portal::isRedirectBack));
    }

    private void chooseProfileIfAsked(String accountId) {
        By profile = By.cssSelector("button[name='profile'][value='" + accountId + "']");
        String page = pages.waitForAnyText("Выберите", "Согласия на обработку данных детей");
        if (!BROWSER.get().driver().findElements(profile).isEmpty()) {
            pages.clickVisible(profile);
        } else if (page.contains("Выберите")) {
            throw new AssertionError("no profile " + accountId + " on the picker: " + page);
        }
    }

    /** An approved request and its consent, as «Подтвердить» (or «Даю согласие») records them. */
    private static void grantConsent(String student, String grantor, String grantorOid) throws Exception {
        RegistrySql registry = new RegistrySql(keycloak);
        String client = SchoolPortal.CLIENT_ID;
        registry.execute("INSERT INTO sr_consent_request (student_account_id, client_id, status, pending, student_approves,"
                + " created_at, decided_at, decided_by_account_id) VALUES ('" + student + "', '" + client + "', 'APPROVED',"
                + " NULL, " + student.equals(grantor) + ", now(), now(), '" + grantor + "')");
        registry.execute("INSERT INTO sr_consent (request_id, student_account_id, client_id, grantor_account_id, grantor_esia_oid,"
                + " self_granted, text_version, granted_at) SELECT MAX(id), '" + student + "', '" + client + "', '" + grantor
                + "', '" + grantorOid + "', " + student.equals(grantor) + ", '2026-11', now() FROM sr_consent_request"
                + " WHERE student_account_id = '" + student + "' AND client_id = '" + client + "'");
    }
}
