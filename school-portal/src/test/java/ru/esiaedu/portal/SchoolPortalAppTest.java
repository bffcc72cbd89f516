package ru.esiaedu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The portal against a small fake OpenID provider, over real HTTP, with a cookie-keeping client as the browser. */
class SchoolPortalAppTest {

    FakeKeycloak keycloak;
    SchoolPortalApp portal;
    HttpClient browser;

    @BeforeEach
    void start() throws Exception {
        keycloak = new FakeKeycloak();
        ObjectNode person = keycloak.person;
        person.put("family_name", "Захарченко").put("given_name", "Диана").put("middle_name", "Набиевна")
                .put("preferred_username", "esia-1000300101");
        person.putObject("school_profile").put("role", "PARENT").put("organisation_id", "sch-chel-1")
                .put("organisation_name", "МБОУ СОШ № 1 г. Челябинска").put("class", "5А").put("registry_id", "acc-1");
        var profiles = person.putArray("school_profiles");
        profiles.add(person.path("school_profile").deepCopy());
        profiles.addObject().put("role", "PARENT").put("organisation_id", "gym-chel-5").put("organisation_name", "Гимназия № 5")
                .putNull("class").put("registry_id", "acc-2");
        portal = SchoolPortalApp.start(PortalOptions.defaults().port(0).keycloakUrl(keycloak.baseUrl()));
        SimpleCookieJar cookies = new SimpleCookieJar();
        browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @AfterEach
    void stop() {
        portal.stop();
        keycloak.close();
    }

    @Test
    void theStartPageOffersTheThreeRolesAndAPlainLogin() throws Exception {
        String page = get("/").body();
        assertThat(page).contains("<html lang=\"ru\">", "id=\"portal-login-parent\"", "id=\"portal-login-student\"",
                "id=\"portal-login-staff\"", "id=\"portal-login\"", "Электронная школа (демо)",
                keycloak.issuer() + "/esia-help");
        assertThat(page.split("<h1").length - 1).isEqualTo(1);
    }

    @Test
    void aParentSignsInAndSeesNameRoleOrganisationClassAndAllProfiles() throws Exception {
        HttpResponse<String> page = get("/login?role=parent");

        assertThat(page.uri().toString()).isEqualTo(portal.baseUrl() + "/");
        assertThat(text(page.body(), "portal-user-name")).isEqualTo("Захарченко Диана Набиевна");
        assertThat(text(page.body(), "portal-role")).isEqualTo("Родитель");
        assertThat(text(page.body(), "portal-organisation")).isEqualTo("МБОУ СОШ № 1 г. Челябинска");
        assertThat(text(page.body(), "portal-class")).isEqualTo("5А");
        assertThat(page.body()).contains("Гимназия № 5", "id=\"portal-logout\"", "aria-current=\"true\"");

        Map<String, String> request = keycloak.authorizations.get(0);
        assertThat(request).containsEntry("role", "parent").containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsEntry("client_id", "school-portal")
                .containsEntry("redirect_uri", portal.baseUrl() + "/callback").containsKeys("state", "nonce", "code_challenge");
        assertThat(request.get("scope")).contains("openid");
        assertThat(request.get("state")).isNotEqualTo(request.get("nonce"));
    }

    @Test
    void anUnknownRoleIsNotPassedOnAndThePlainLoginHasNone() throws Exception {
        get("/login?role=admin");
        get("/login");
        assertThat(keycloak.authorizations).allSatisfy(params -> assertThat(params).doesNotContainKey("role"));
    }

    @Test
    void consentsStartAnAuthorizationRequestWithTheConsentActionForParents() throws Exception {
        get("/consents");
        assertThat(keycloak.authorizations.get(0)).containsEntry("kc_action", "esia-consent-approval").containsEntry("role", "parent");
    }

    @Test
    void aTokenWithAnotherNonceOrAForgedSignatureOpensNoSession() throws Exception {
        keycloak.tamper = claims -> claims.put("nonce", "someone-elses");
        HttpResponse<String> page = get("/login?role=parent");
        assertThat(page.body()).contains("Вход не выполнен").doesNotContain("portal-user-name");
        assertThat(get("/").body()).contains("portal-login-parent");

        keycloak.tamper = claims -> claims.put("iss", "http://evil.example/realms/school");
        assertThat(get("/login?role=parent").body()).contains("Вход не выполнен").doesNotContain("portal-user-name");
    }

    @Test
    void aCallbackWithAnUnknownStateOrWithoutTheLoginCookieIsRefused() throws Exception {
        assertThat(get("/callback?state=made-up&code=x").statusCode()).isEqualTo(400);

        // The login started in this browser; the callback arrives in another one (no login cookie).
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> toKeycloak = noRedirects.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String state = SchoolPortalApp.parse(URI.create(toKeycloak.headers().firstValue("Location").orElseThrow()).getRawQuery()).get("state");
        HttpResponse<String> callback = browser.send(HttpRequest.newBuilder(
                URI.create(portal.baseUrl() + "/callback?state=" + OidcClient.enc(state) + "&code=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(callback.body()).contains("другом браузере");
    }

    @Test
    void anErrorFromKeycloakIsShownInRussian() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(new SimpleCookieJar())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> toKeycloak = noRedirects.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String state = SchoolPortalApp.parse(URI.create(toKeycloak.headers().firstValue("Location").orElseThrow()).getRawQuery()).get("state");
        HttpResponse<String> page = noRedirects.send(HttpRequest.newBuilder(
                URI.create(portal.baseUrl() + "/callback?state=" + OidcClient.enc(state) + "&error=access_denied")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Вход отменён");
    }

    @Test
    void logoutGoesToKeycloakWithTheIdTokenHintAndComesBackSignedOut() throws Exception {
        String signedIn = get("/login?role=parent").body();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(signedIn);
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> wrong = post("/logout", "csrf=wrong");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(keycloak.logouts).isEmpty();

        HttpResponse<String> back = post("/logout", "csrf=" + csrf.group(1));
        assertThat(back.uri().toString()).isEqualTo(portal.baseUrl() + "/");
        assertThat(back.body()).contains("portal-login-parent").doesNotContain("portal-user-name");
        assertThat(keycloak.logouts.get(0)).containsEntry("post_logout_redirect_uri", portal.baseUrl() + "/")
                .containsEntry("client_id", "school-portal").containsKey("id_token_hint");
    }

    @Test
    void cookiesAreHttpOnlyAndPagesCarrySecurityHeaders() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = noRedirects.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax"));
        HttpResponse<String> home = get("/");
        assertThat(home.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(home.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void theFeedbackFormIsLabelledAndAnswersWithAReceipt() throws Exception {
        String form = get("/feedback").body();
        assertThat(form).contains("Форма обратной связи", "for=\"feedback-name\"", "for=\"feedback-email\"", "for=\"feedback-message\"");
        assertThat(post("/feedback", "name=%D0%98%D0%B2%D0%B0%D0%BD&email=a%40b.ru&message=hello").body()).contains("принято");
        assertThat(post("/feedback", "name=&email=x&message=").statusCode()).isEqualTo(400);
    }

    @Test
    void keycloakDownGivesARussianPageNotAStackTrace() throws Exception {
        keycloak.close();
        HttpResponse<String> page = get("/login?role=parent");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Сервис входа недоступен");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        return m.find() ? m.group(1) : null;
    }
}
