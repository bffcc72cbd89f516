package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.esiaedu.emulator.EsiaClientSim.JSON;
import static ru.esiaedu.emulator.EsiaClientSim.jwtPart;
import static ru.esiaedu.emulator.EsiaClientSim.pendingId;
import static ru.esiaedu.emulator.EsiaClientSim.redirectParams;

/** The OIDC mode over real HTTP, as Keycloak's own OIDC identity provider uses it. */
class OidcModeTest {
    static final String CLIENT = "SCHOOL01";
    static final String SECRET = "oidc-test-secret";
    static final String REDIRECT = "http://localhost:8080/realms/bench/broker/oidc/endpoint";
    static final String PARENT = "1000300101";
    static EsiaEmulator emu;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        emu = EsiaEmulator.start(EmulatorOptions.defaults().port(0).oidcClientSecret(SECRET));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void discoveryNamesTheModesEndpointsAndIssuer() throws Exception {
        JsonNode d = JSON.readTree(get("/oidc/.well-known/openid-configuration", null).body());
        assertThat(emu.oidcIssuer()).isEqualTo(emu.baseUrl() + "/oidc");
        assertThat(d.path("issuer").asText()).isEqualTo(emu.oidcIssuer());
        assertThat(d.path("authorization_endpoint").asText()).isEqualTo(emu.baseUrl() + "/oidc/authorize");
        assertThat(d.path("token_endpoint").asText()).isEqualTo(emu.baseUrl() + "/oidc/token");
        assertThat(d.path("userinfo_endpoint").asText()).isEqualTo(emu.baseUrl() + "/oidc/userinfo");
        assertThat(d.path("jwks_uri").asText()).isEqualTo(emu.baseUrl() + "/oidc/jwks");
        assertThat(d.path("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\"]");
    }

    @Test
    void oneClickLoginAsksForAccessOnceAndIssuesRs256TokensTheJwksVerifies() throws Exception {
        String person = "1000300110";
        String state = UUID.randomUUID().toString();
        String nonce = UUID.randomUUID().toString();
        HttpResponse<String> page = authorize("openid profile email", state, nonce, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Вход (OpenID Connect)", "Электронная школа (демо)", "Захарченко Диана Набиевна");

        HttpResponse<String> access = post("/oidc/login", Map.of("pending", pendingId(page.body()), "quick", person), null);
        assertThat(access.body()).contains("Предоставление прав доступа", "Джалилов Егор Рашидович");
        HttpResponse<String> back = post("/oidc/login/consent", Map.of("pending", pendingId(access.body()), "decision", "grant"), null);
        assertThat(back.statusCode()).isEqualTo(302);
        Map<String, String> cb = redirectParams(back);
        assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT + "?code=");
        assertThat(cb.get("state")).isEqualTo(state);

        JsonNode tokens = JSON.readTree(exchange(cb.get("code"), REDIRECT, SECRET).body());
        String idToken = tokens.path("id_token").asText();
        assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(verifiesWithJwks(idToken)).isTrue();
        assertThat(verifiesWithJwks(tokens.path("access_token").asText())).isTrue();
        JsonNode header = jwtPart(idToken, 0);
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("kid").asText()).isEqualTo(jwks().path("keys").get(0).path("kid").asText());
        JsonNode id = jwtPart(idToken, 1);
        assertThat(id.path("iss").asText()).isEqualTo(emu.oidcIssuer());
        assertThat(id.path("aud").asText()).isEqualTo(CLIENT);
        assertThat(id.path("sub").asText()).isEqualTo(person);
        assertThat(id.path("nonce").asText()).isEqualTo(nonce);
        assertThat(id.path("family_name").asText()).isEqualTo("Джалилов");
        assertThat(id.path("email").asText()).isEqualTo("t.dzhalilov@example.ru");
        assertThat(id.path("exp").asLong() - id.path("iat").asLong()).isEqualTo(3600);

        // the second login of the same person: no access page, straight back with a code
        HttpResponse<String> again = authorize("openid", UUID.randomUUID().toString(), null, null);
        HttpResponse<String> direct = post("/oidc/login", Map.of("pending", pendingId(again.body()), "quick", person), null);
        assertThat(direct.statusCode()).isEqualTo(302);
        assertThat(redirectParams(direct).get("code")).isNotBlank();
    }

    @Test
    void userinfoServesThePersonByScopeAndOnlyForItsOwnAccessToken() throws Exception {
        JsonNode tokens = tokensFor(PARENT, "openid profile email");
        HttpResponse<String> info = get("/oidc/userinfo", tokens.path("access_token").asText());
        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode claims = JSON.readTree(info.body());
        assertThat(claims.path("sub").asText()).isEqualTo(PARENT);
        assertThat(claims.path("given_name").asText()).isEqualTo("Диана");
        assertThat(claims.path("middle_name").asText()).isEqualTo("Набиевна");
        assertThat(claims.path("birthdate").asText()).isEqualTo("1985-03-14");
        assertThat(claims.path("gender").asText()).isEqualTo("female");
        assertThat(claims.path("email").asText()).isEqualTo("d.zakharchenko@mail.ru");
        assertThat(claims.has("phone_number")).as("no phone scope asked").isFalse();

        assertThat(get("/oidc/userinfo", tokens.path("id_token").asText()).statusCode())
                .as("an ID token is not an access token").isEqualTo(401);
        String[] parts = tokens.path("access_token").asText().split("\\.");
        String otherSubject = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(PARENT, "1000300110").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> forged = get("/oidc/userinfo", parts[0] + "." + otherSubject + "." + parts[2]);
        assertThat(forged.statusCode()).as("a token whose subject was changed").isEqualTo(401);
        assertThat(forged.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
        assertThat(get("/oidc/userinfo", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aCodeIsGoodForOneExchangeWithTheRightSecretAndRedirect() throws Exception {
        String code = codeFor(PARENT, "openid");
        HttpResponse<String> wrongSecret = exchange(code, REDIRECT, "guess");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("invalid_client");

        String other = codeFor(PARENT, "openid");
        HttpResponse<String> wrongRedirect = exchange(other, REDIRECT + "/x", SECRET);
        assertThat(wrongRedirect.statusCode()).isEqualTo(400);
        assertThat(wrongRedirect.body()).contains("invalid_grant");
        assertThat(exchange(other, REDIRECT, SECRET).statusCode()).as("consumed by the failed attempt").isEqualTo(400);

        String fresh = codeFor(PARENT, "openid");
        assertThat(exchange(fresh, REDIRECT, SECRET).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = exchange(fresh, REDIRECT, SECRET);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("invalid_grant");
    }

    @Test
    void basicClientAuthenticationIsAcceptedToo() throws Exception {
        String code = codeFor(PARENT, "openid");
        String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = post("/oidc/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT), "Basic " + basic);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void unknownClientOrUnregisteredRedirectGetsAPageNotARedirect() throws Exception {
        HttpResponse<String> unknown = get("/oidc/authorize?" + form(Map.of("client_id", "EVIL01", "redirect_uri", REDIRECT,
                "response_type", "code", "scope", "openid", "state", "s")), null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Неизвестная система");
        HttpResponse<String> evil = get("/oidc/authorize?" + form(Map.of("client_id", CLIENT,
                "redirect_uri", "http://localhost:8080@evil.ru/realms/", "response_type", "code", "scope", "openid",
                "state", "s")), null);
        assertThat(evil.statusCode()).isEqualTo(400);
        assertThat(evil.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aRequestWithoutOpenidOrWithAnotherResponseTypeGoesBackWithAnError() throws Exception {
        HttpResponse<String> noOpenid = authorize("profile", "s1", null, null);
        assertThat(noOpenid.statusCode()).isEqualTo(302);
        assertThat(redirectParams(noOpenid)).containsEntry("error", "invalid_scope").containsEntry("state", "s1");
        HttpResponse<String> token = get("/oidc/authorize?" + form(Map.of("client_id", CLIENT, "redirect_uri", REDIRECT,
                "response_type", "token", "scope", "openid", "state", "s2")), null);
        assertThat(redirectParams(token)).containsEntry("error", "unsupported_response_type");
    }

    @Test
    void aDeletedPersonCannotLogInAndCancelGoesBackRefused() throws Exception {
        HttpResponse<String> page = authorize("openid", "s", null, null);
        HttpResponse<String> deleted = post("/oidc/login", Map.of("pending", pendingId(page.body()), "quick", "1000300108"), null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).contains("Учётная запись удалена");
        HttpResponse<String> hinted = authorize("openid", "s", null, "1000300108");
        assertThat(hinted.statusCode()).as("a hint naming a deleted person shows the page").isEqualTo(200);
        HttpResponse<String> cancel = post("/oidc/login", Map.of("pending", pendingId(page.body()), "action", "cancel"), null);
        assertThat(redirectParams(cancel)).containsEntry("error", "access_denied").containsEntry("state", "s");
    }

    @Test
    void aLoginHintNamingAPersonLogsThemInAtOnce() throws Exception {
        codeFor(PARENT, "openid"); // access granted once
        HttpResponse<String> r = authorize("openid", "hint", null, PARENT);
        assertThat(r.statusCode()).isEqualTo(302);
        JsonNode tokens = JSON.readTree(exchange(redirectParams(r).get("code"), REDIRECT, SECRET).body());
        assertThat(jwtPart(tokens.path("id_token").asText(), 1).path("sub").asText()).isEqualTo(PARENT);
    }

    @Test
    void theLoginPageListsAsManyOneClickPersonsAsConfigured() throws Exception {
        try (EsiaEmulator small = EsiaEmulator.start(EmulatorOptions.defaults().port(0).quickLoginButtons(2))) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(small.baseUrl() + "/oidc/authorize?"
                    + form(Map.of("client_id", CLIENT, "redirect_uri", REDIRECT, "response_type", "code", "scope", "openid",
                    "state", "s")))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body().split("name=\"quick\"", -1)).hasSize(3);
            HttpResponse<String> esia = HTTP.send(HttpRequest.newBuilder(URI.create(small.baseUrl()
                    + "/login?return=/profile")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(esia.body().split("name=\"quick\"", -1)).hasSize(3);
        }
    }

    private static String codeFor(String oid, String scope) throws Exception {
        HttpResponse<String> page = authorize(scope, UUID.randomUUID().toString(), null, null);
        HttpResponse<String> r = post("/oidc/login", Map.of("pending", pendingId(page.body()), "quick", oid), null);
        if (r.statusCode() == 200) {
            r = post("/oidc/login/consent", Map.of("pending", pendingId(r.body()), "decision", "grant"), null);
        }
        return redirectParams(r).get("code");
    }

    private static JsonNode tokensFor(String oid, String scope) throws Exception {
        HttpResponse<String> r = exchange(codeFor(oid, scope), REDIRECT, SECRET);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> authorize(String scope, String state, String nonce, String loginHint) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("client_id", CLIENT);
        p.put("redirect_uri", REDIRECT);
        p.put("response_type", "code");
        p.put("scope", scope);
        p.put("state", state);
        if (nonce != null) {
            p.put("nonce", nonce);
        }
        if (loginHint != null) {
            p.put("login_hint", loginHint);
        }
        return get("/oidc/authorize?" + form(p), null);
    }

    private static HttpResponse<String> exchange(String code, String redirect, String secret) throws Exception {
        return post("/oidc/token", Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect,
                "client_id", CLIENT, "client_secret", secret), null);
    }

    private static JsonNode jwks() throws Exception {
        return JSON.readTree(get("/oidc/jwks", null).body());
    }

    private static boolean verifiesWithJwks(String jwt) throws Exception {
        JsonNode key = jwks().path("keys").get(0);
        Base64.Decoder d = Base64.getUrlDecoder();
        PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, d.decode(key.path("n").asText())), new BigInteger(1, d.decode(key.path("e").asText()))));
        String[] parts = jwt.split("\\.");
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(pub);
        s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return s.verify(d.decode(parts[2]));
    }

    private static HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emu.baseUrl() + path)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Map<String, String> form, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emu.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> p) {
        return p.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
