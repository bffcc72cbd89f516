package ru.esiaedu.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.e2e.support.AdminApi;
import ru.esiaedu.e2e.support.RealmFixture;
import ru.esiaedu.e2e.support.SchoolPortal;
import ru.esiaedu.e2e.support.Screenshots;
import ru.esiaedu.emulator.Fault;
import ru.esiaedu.emulator.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each test sets up what it needs (a user of its own login, a consent, a fault) and the methods run in random
 * order, so a test that silently leans on another one's user fails here rather than the day the order changes.
 * JUnit logs the seed; {@code -Djunit.jupiter.execution.order.random.seed=N} repeats an order.
 *
 * <p>A family member signs in to the school portal through Госуслуги, on the demo realm exactly as
 * {@code realm-export} ships it (only its URLs re-pointed at the test servers): real Keycloak, real
 * PostgreSQL, the ESIA emulator over HTTP, and a phone-sized Chromium doing the clicks.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class EsiaLoginE2ETest extends SchoolRealmBrowserTest {

    private static final String PARENT = "1000300101";
    private static final String TEACHER = "1000300102";
    private static final String STUDENT_18 = "1000300103";
    private static final String CHILD = "1000300105";
    private static final String SIMPLIFIED = "1000300106";
    private static final String UNVERIFIED_CONTACTS = "1000300107";

    /** A student gets in only with a consent; this class is about the login itself (see ConsentE2ETest). */
    @BeforeAll
    static void theChildHasAParentsConsent() {
        emulator.consents().grant("SCHOOL01", CHILD, PARENT);
    }

    @Test
    void parentSignsInWithPhoneInAnotherFormatAndThePortalGetsTokens() throws Exception {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signIn("8 (916) 555-01-01").grantIfAsked();
        String back = pages.waitForUrl(portal::isRedirectBack);

        JsonNode tokens = portal.tokens(back);
        JsonNode access = SchoolPortal.claims(tokens.path("access_token").asText());
        assertThat(access.path("preferred_username").asText()).isEqualTo("esia-" + PARENT);
        assertThat(access.path("azp").asText()).isEqualTo(SchoolPortal.CLIENT_ID);
        assertThat(SchoolPortal.claims(tokens.path("id_token").asText()).path("family_name").asText()).isEqualTo("Захарченко");
        // Matched in the registry by the verified phone the school typed as «8 (916) 555-01-01».
        assertThat(access.path("school_profile").path("role").asText()).isEqualTo("PARENT");
        assertThat(access.path("school_profile").path("registry_id").asText()).isEqualTo("acc-zakharchenko-sch1");
        assertThat(access.path("school_profile").path("organisation_name").asText()).isEqualTo("МБОУ СОШ № 1 г. Челябинска");

        JsonNode user = userByUsername("esia-" + PARENT);
        assertThat(user.path("firstName").asText()).isEqualTo("Диана");
        assertThat(user.path("email").asText()).isEqualToIgnoringCase("d.zakharchenko@mail.ru");
        assertThat(user.path("emailVerified").asBoolean()).isTrue();
        JsonNode attributes = user.path("attributes");
        assertThat(attributes.path("middleName").get(0).asText()).isEqualTo("Набиевна");
        assertThat(attributes.path("snils").get(0).asText()).isEqualTo("112-233-445 95");
        assertThat(attributes.path("esiaAccountType").get(0).asText()).isEqualTo("CONFIRMED");
        // Documents and children are used during the login only, never kept on the user.
        assertThat(attributes.has("passport")).isFalse();
        assertThat(attributes.has("esiaChildren")).isFalse();

        JsonNode links = admin.federatedIdentities(REALM, user.path("id").asText());
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("identityProvider").asText()).isEqualTo("esia");
        assertThat(links.get(0).path("userId").asText()).isEqualTo(PARENT);
    }

    @Test
    void theNextLoginFindsTheSamePersonAndRefreshesAttributesFromEsia() throws Exception {
        signInAsParent();   // the first login: this test does not lean on another test's user
        BROWSER.get().deleteAllCookies();
        JsonNode user = userByUsername("esia-" + PARENT);
        ObjectNode changed = (ObjectNode) user.deepCopy();
        ((ObjectNode) changed.path("attributes")).putArray("snils").add("000-000-000 00");
        admin.put("/admin/realms/" + REALM + "/users/" + user.path("id").asText(), changed);

        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(PARENT).grantIfAsked();
        portal.tokens(pages.waitForUrl(portal::isRedirectBack));

        assertThat(admin.users(REALM, "esia-" + PARENT)).hasSize(1);
        assertThat(userByUsername("esia-" + PARENT).path("attributes").path("snils").get(0).asText()).isEqualTo("112-233-445 95");
    }

    @Test
    void aChildAccountSignsInAndIsMarkedAsChild() {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("student").signInAs(CHILD).grantIfAsked();
        pages.waitForUrl(portal::isRedirectBack);

        JsonNode user = userByUsername("esia-" + CHILD);
        assertThat(user.path("attributes").path("esiaAccountType").get(0).asText()).isEqualTo("CHILD");
        assertThat(user.path("attributes").has("birthCertificate")).isFalse();
    }

    @Test
    void aPersonTheRegistryDoesNotKnowSeesTheNotFoundPageAndNothingIsCreated() {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signIn("22345678973").grantIfAsked();

        String page = pages.waitForText("Запись не найдена");
        assertThat(page).contains("С выбранной учётной записью портала Госуслуг не связан ни один пользователь системы");
        assertThat(BROWSER.get().driver().findElements(org.openqa.selenium.By.id("esia-link"))).isNotEmpty();
        assertThat(BROWSER.get().driver().findElements(org.openqa.selenium.By.id("esia-request"))).isNotEmpty();
        assertThat(BROWSER.get().driver().findElements(org.openqa.selenium.By.id("esia-exit"))).isNotEmpty();
        assertThat(admin.users(REALM, "esia-" + UNVERIFIED_CONTACTS)).isEmpty();
    }

    @Test
    void anUnconfirmedAccountEndsOnARussianPageAndNothingIsCreated() {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(SIMPLIFIED).grantIfAsked();

        assertThat(pages.waitForText("не подтверждена")).contains("Ваша учётная запись на Госуслугах не подтверждена");
        Screenshots.take(BROWSER.get(), "13-esia-account-not-confirmed");
        // Back on «Войти с ролью» with the explanation: the person can try again with another account.
        assertThat(BROWSER.get().driver().findElements(org.openqa.selenium.By.id("esia-role-parent"))).isNotEmpty();
        assertThat(admin.users(REALM, "esia-" + SIMPLIFIED)).isEmpty();
        JsonNode events = admin.get("/admin/realms/" + REALM + "/events?type=IDENTITY_PROVIDER_LOGIN_ERROR&max=20");
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("details").path("identity_provider").asText()).isEqualTo("esia");
            assertThat(event.path("details").path("reason").asText()).contains("not confirmed");
        });
    }

    @Test
    void cancellingAtGosuslugiReturnsToTheLoginPageWithARussianMessage() {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").cancel();

        assertThat(pages.waitForText("отменён")).contains("Вход через Госуслуги отменён");
        assertThat(admin.users(REALM, "esia-" + STUDENT_18)).isEmpty();
        Screenshots.take(BROWSER.get(), "14-esia-cancelled");
    }

    @Test
    void refusingAccessToDataIsExplainedWithTheEsiaCode() {
        emulator.forgetAccessGrants(STUDENT_18);   // other classes may have signed this person in before
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(STUDENT_18).deny();

        assertThat(pages.waitForText("отменён")).contains("Вход через Госуслуги отменён");
        assertThat(admin.users(REALM, "esia-" + STUDENT_18)).isEmpty();
    }

    @Test
    void esiaDownOrAnsweringGarbageOrForgedTokensEndOnRussianPagesWithoutAUser() {
        Map<Fault, String> expected = Map.of(
                Fault.TOKEN_500, "Госуслуги сейчас не отвечают",
                Fault.TOKEN_GARBAGE, "Госуслуги вернули непонятный ответ",
                Fault.TOKEN_FORGED_SIGNATURE, "Не удалось проверить ответ Госуслуг",
                Fault.TOKEN_EXPIRED, "Не удалось проверить ответ Госуслуг",
                Fault.PERSON_500, "Госуслуги сейчас не отвечают");
        List<String> problems = new ArrayList<>();
        expected.forEach((fault, text) -> {
            BROWSER.get().deleteAllCookies();
            emulator.faults().next(fault);
            BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
            pages.chooseRole("parent").signInAs(TEACHER).grantIfAsked();
            try {
                pages.waitForText(text);
            } catch (AssertionError wrongPage) {
                problems.add(fault + ": " + wrongPage.getMessage());
            }
        });
        assertThat(problems).isEmpty();
        assertThat(admin.users(REALM, "esia-" + TEACHER)).isEmpty();
    }

    @Test
    void aSlowEsiaIsCutOffByTheReadTimeout() {
        JsonNode idp = admin.identityProvider(REALM, "esia");
        ObjectNode fast = (ObjectNode) idp.deepCopy();
        ((ObjectNode) fast.path("config")).put("readTimeoutMs", "1500");
        admin.updateIdentityProvider(REALM, "esia", fast);
        try {
            emulator.faults().next(Fault.TOKEN_SLOW);
            BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
            pages.chooseRole("parent").signInAs(TEACHER).grantIfAsked();

            assertThat(pages.waitForText("не отвечают")).contains("Госуслуги сейчас не отвечают");
            assertThat(admin.users(REALM, "esia-" + TEACHER)).isEmpty();
        } finally {
            admin.updateIdentityProvider(REALM, "esia", idp);
        }
    }

    @Test
    void esiasAnswerIsAcceptedOnlyOnce() {
        emulator.clearRequests();
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(PARENT).grantIfAsked();
        pages.waitForUrl(portal::isRedirectBack);
        String state = lastParam("/aas/oauth2/v2/ac", "state");
        String code = lastParam("/aas/oauth2/v3/te", "code");

        BROWSER.get().open(keycloak.baseUrl() + "/realms/" + REALM + "/broker/esia/endpoint?code=" + code + "&state=" + state);

        assertThat(pages.waitForText("Начните вход заново")).contains("Время на вход истекло или вход уже был завершён");
        assertThat(admin.users(REALM, "esia-" + PARENT)).hasSize(1);
    }

    @Test
    void loggingOutOfThePortalAlsoLogsOutOfEsia() {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(PARENT).grantIfAsked();
        pages.waitForUrl(portal::isRedirectBack);
        String userId = userByUsername("esia-" + PARENT).path("id").asText();
        int sessionsBefore = admin.get("/admin/realms/" + REALM + "/users/" + userId + "/sessions").size();
        assertThat(sessionsBefore).isPositive();
        emulator.clearRequests();

        BROWSER.get().open(portal.logoutUrl());
        BROWSER.get().waitFor(org.openqa.selenium.By.id("kc-logout")).click();
        pages.waitForUrl(url -> url.contains("/.well-known/openid-configuration"));

        assertThat(emulator.requests()).anySatisfy(request -> {
            assertThat(request.endpoint()).contains("/idp/ext/Logout");
            assertThat(request.params()).containsEntry("client_id", "SCHOOL01");
        });
        // This browser's session is gone; sessions of earlier tests' browsers stay.
        assertThat(admin.get("/admin/realms/" + REALM + "/users/" + userId + "/sessions")).hasSize(sessionsBefore - 1);
    }

    /**
     * Someone who got hold of the ESIA answer URL of a login started in another browser (a shared link, a proxy log)
     * cannot finish that login: the state is refused before the code is ever exchanged, and nobody is created.
     */
    @Test
    void anEsiaAnswerArrivingInAnotherBrowserIsRefusedOnARussianPageAndCreatesNoUser() {
        int users = admin.userCount(REALM);
        emulator.clearRequests();
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent");                      // browser A is now on the Gosuslugi login page
        String state = lastParam("/aas/oauth2/v2/ac", "state");

        ru.esiaedu.e2e.support.Browser other = ru.esiaedu.e2e.support.Browser.desktop();
        try {
            // Browser B has a login of its own going, then opens A's answer.
            other.open(portal.loginUrl(UUID.randomUUID().toString()));
            other.waitFor(org.openqa.selenium.By.id("esia-role-parent"));
            other.open(keycloak.baseUrl() + "/realms/" + REALM + "/broker/esia/endpoint?code=" + UUID.randomUUID() + "&state=" + state);

            // Keycloak does not find browser A's login in browser B: B's own login starts again, in Russian.
            String page = new ru.esiaedu.e2e.support.EsiaPages(other, emulator.baseUrl())
                    .waitForText("Процесс аутентификации начнется с начала");
            assertThat(page).contains("Вход для родителей").doesNotContain("Exception");
            assertThat(other.currentUrl()).doesNotContain("code=");
        } finally {
            other.close();
        }
        assertThat(emulator.requests()).as("no token request for the replayed code")
                .noneSatisfy(request -> assertThat(request.endpoint()).contains("/aas/oauth2/v3/te"));
        assertThat(admin.userCount(REALM)).isEqualTo(users);
        // The state is spent: browser A's own answer cannot follow either.
        BROWSER.get().open(keycloak.baseUrl() + "/realms/" + REALM + "/broker/esia/endpoint?code=" + UUID.randomUUID() + "&state=" + state);
        assertThat(pages.waitForText("Начните вход заново")).contains("Время на вход истекло или вход уже был завершён");
    }

    /** This server runs in production mode: the key comes from Keycloak's vault, a literal is refused on save. */
    @Test
    void theClientKeyComesFromKeycloaksVaultAndALiteralKeyIsRefused() throws Exception {
        JsonNode idp = admin.identityProvider(REALM, "esia");
        assertThat(idp.path("config").path("clientPrivateKey").asText()).isEqualTo(ru.esiaedu.e2e.support.Vault.CLIENT_KEY_REFERENCE);
        signInAsParent();
        assertThat(admin.users(REALM, "esia-" + PARENT)).hasSize(1);

        ObjectNode literal = (ObjectNode) idp.deepCopy();
        String pem = AdminApi.JSON.readTree(RealmFixture.load()).path("identityProviders").get(0).path("config").path("clientPrivateKey").asText();
        ((ObjectNode) literal.path("config")).put("clientPrivateKey", pem);
        AdminApi.Response refused = admin.send("PUT", "/admin/realms/" + REALM + "/identity-provider/instances/esia", literal);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("Client private key (PEM) must be a vault reference");
        assertThat(admin.identityProvider(REALM, "esia").path("config").path("clientPrivateKey").asText())
                .isEqualTo(ru.esiaedu.e2e.support.Vault.CLIENT_KEY_REFERENCE);

        ObjectNode missing = (ObjectNode) idp.deepCopy();
        ((ObjectNode) missing.path("config")).put("clientPrivateKey", "${vault.no-such-key}");
        admin.updateIdentityProvider(REALM, "esia", missing);
        try {
            // A reference to a secret the vault does not hold is a configuration error, said in Russian.
            BROWSER.get().deleteAllCookies();
            BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
            BROWSER.get().waitFor(org.openqa.selenium.By.id("esia-role-parent")).click();
            assertThat(pages.waitForText("ошибки настройки")).contains("Вход через Госуслуги временно недоступен из-за ошибки настройки");
        } finally {
            admin.updateIdentityProvider(REALM, "esia", idp);
        }
    }

    private void signInAsParent() {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        pages.chooseRole("parent").signInAs(PARENT).grantIfAsked();
        pages.waitForUrl(portal::isRedirectBack);
    }

    private static JsonNode userByUsername(String username) {
        JsonNode found = admin.get("/admin/realms/" + REALM + "/users?exact=true&briefRepresentation=false&username=" + username);
        assertThat(found).as("user " + username).hasSize(1);
        return found.get(0);
    }

    private static String lastParam(String endpoint, String name) {
        List<RecordedRequest> requests = emulator.requests();
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).endpoint().contains(endpoint)) {
                return requests.get(i).params().get(name);
            }
        }
        throw new AssertionError("no request to " + endpoint);
    }
}
