package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.esiaedu.emulator.EsiaClientSim.*;

/** ESIA's error codes at the authorization, token and person endpoints. */
class ErrorsTest {
    static final String SCOPE = "openid fullname";
    static EsiaEmulator emu;
    static EsiaClientSim sim;

    @BeforeAll
    static void start() {
        emu = EsiaEmulator.start(EmulatorOptions.defaults().port(0));
        sim = new EsiaClientSim(emu);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static Map<String, String> authError(int version, Map<String, String> params) throws Exception {
        HttpResponse<String> r = sim.authorize(version, params);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return redirectParams(r);
    }

    @Test
    void wrongSignature() throws Exception {
        Map<String, String> p = authParams(2, SCOPE, UUID.randomUUID().toString());
        p.put("client_secret", rawGost("something else"));
        assertThat(authError(2, p).get("error_description")).startsWith("ESIA-007053");
        // signature bytes reversed (CryptoPro order) must fail too
        Map<String, String> q = authParams(2, SCOPE, UUID.randomUUID().toString());
        byte[] sig = java.util.Base64.getUrlDecoder().decode(q.get("client_secret"));
        for (int i = 0; i < 32; i++) {
            byte b = sig[i];
            sig[i] = sig[63 - i];
            sig[63 - i] = b;
        }
        q.put("client_secret", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sig));
        assertThat(authError(2, q).get("error_description")).startsWith("ESIA-007053");
        // padded base64url of a valid signature is accepted
        Map<String, String> padded = authParams(2, SCOPE, UUID.randomUUID().toString());
        padded.put("client_secret", padded.get("client_secret") + "==");
        assertThat(sim.authorize(2, padded).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongCertificateHash() throws Exception {
        Map<String, String> p = authParams(2, SCOPE, UUID.randomUUID().toString());
        p.put("client_certificate_hash", CERT_HASH.toLowerCase());
        assertThat(authError(2, p).get("error_description")).startsWith("ESIA-007053");
        p.put("client_certificate_hash", "");
        assertThat(authError(2, p).get("error_description")).startsWith("ESIA-007014");
    }

    @Test
    void skewedOrMissingTimestamp() throws Exception {
        String state = UUID.randomUUID().toString();
        String ts = ZonedDateTime.now().minusMinutes(10).format(TS);
        Map<String, String> p = authParams(2, SCOPE, state);
        p.put("timestamp", ts);
        p.put("client_secret", rawGost(CLIENT_ID + SCOPE + ts + state + REDIRECT));
        Map<String, String> e = authError(2, p);
        assertThat(e.get("error_description")).startsWith("ESIA-007015");
        assertThat(e.get("state")).isEqualTo(state);
        p.remove("timestamp");
        assertThat(authError(2, p).get("error_description")).startsWith("ESIA-007014");
    }

    @Test
    void nonUuidStateAndRepeatedParameter() throws Exception {
        Map<String, String> p = authParams(2, SCOPE, "not-a-uuid");
        Map<String, String> e = authError(2, p);
        assertThat(e).containsEntry("error", "invalid_request").containsEntry("state", "not-a-uuid");
        assertThat(e.get("error_description")).startsWith("ESIA-007003");
        HttpResponse<String> twice = sim.get(sim.base + "/aas/oauth2/v2/ac?" + form(authParams(2, SCOPE, UUID.randomUUID().toString())) + "&scope=openid");
        assertThat(redirectParams(twice).get("error_description")).startsWith("ESIA-007003");
    }

    @Test
    void scopeNotAllowedOrEmpty() throws Exception {
        Map<String, String> p = authParams(2, "openid salary", UUID.randomUUID().toString());
        assertThat(authError(2, p).get("error_description")).startsWith("ESIA-007006");
        p = authParams(2, "", UUID.randomUUID().toString());
        assertThat(authError(2, p).get("error_description")).startsWith("ESIA-007013");
    }

    @Test
    void unknownClientAndUnregisteredRedirectShowAPage() throws Exception {
        Map<String, String> p = authParams(2, SCOPE, UUID.randomUUID().toString());
        p.put("redirect_uri", "https://evil.example/cb");
        HttpResponse<String> r = sim.authorize(2, p);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.body()).contains("ESIA-007023");
        p.put("redirect_uri", "http://127.0.0.1:8080.evil.example/");
        assertThat(sim.authorize(2, p).body()).contains("ESIA-007023");
        p = authParams(2, SCOPE, UUID.randomUUID().toString());
        p.put("client_id", "NOSUCH");
        assertThat(sim.authorize(2, p).body()).contains("ESIA-007002");
    }

    @Test
    void v1BadCmsIsUnauthorizedClient() throws Exception {
        Map<String, String> p = authParams(1, SCOPE, UUID.randomUUID().toString());
        p.put("client_secret", cms("tampered"));
        Map<String, String> e = authError(1, p);
        assertThat(e).containsEntry("error", "unauthorized_client");
        assertThat(e.get("error_description")).startsWith("ESIA-007005");
    }

    @Test
    void codeIsSingleUse() throws Exception {
        String code = new EsiaClientSim(emu).code(SCOPE, "+7 903 222-33-44");
        assertThat(sim.token(3, tokenParams(3, code, SCOPE, UUID.randomUUID().toString())).statusCode()).isEqualTo(200);
        String state = UUID.randomUUID().toString();
        HttpResponse<String> again = sim.token(3, tokenParams(3, code, SCOPE, state));
        assertThat(again.statusCode()).isEqualTo(400);
        JsonNode e = JSON.readTree(again.body());
        assertThat(e.path("error").asText()).isEqualTo("invalid_grant");
        assertThat(e.path("error_description").asText()).startsWith("ESIA-007011");
        assertThat(e.path("state").asText()).isEqualTo(state);
    }

    @Test
    void redirectUriMustMatchAtTokenTime() throws Exception {
        String code = new EsiaClientSim(emu).code(SCOPE, "+7 903 222-33-44");
        String state = UUID.randomUUID().toString();
        String ts = now();
        String other = REDIRECT + "/";
        Map<String, String> p = tokenParams(3, code, SCOPE, state);
        p.put("redirect_uri", other);
        p.put("timestamp", ts);
        p.put("client_secret", rawGost(CLIENT_ID + SCOPE + ts + state + other + code));
        HttpResponse<String> r = sim.token(3, p);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error_description").asText()).startsWith("ESIA-007011");
    }

    @Test
    void tokenStateMustBeNew() throws Exception {
        EsiaClientSim browser = new EsiaClientSim(emu);
        String authState = UUID.randomUUID().toString();
        HttpResponse<String> back = browser.loginAndGrant(browser.authorize(2, authParams(2, SCOPE, authState)), "E.Sokolova79@yandex.ru");
        String code = redirectParams(back).get("code");
        HttpResponse<String> r = sim.token(3, tokenParams(3, code, SCOPE, authState));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error_description").asText()).startsWith("ESIA-007003");
    }

    @Test
    void tokenSignatureChecked() throws Exception {
        String code = new EsiaClientSim(emu).code(SCOPE, "+7 903 222-33-44");
        Map<String, String> p = tokenParams(3, code, SCOPE, UUID.randomUUID().toString());
        p.put("client_secret", rawGost("wrong text"));
        HttpResponse<String> r = sim.token(3, p);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error_description").asText()).startsWith("ESIA-007053");
    }

    @Test
    void kidsWithoutKidScopeIsForbidden() throws Exception {
        JsonNode t = new EsiaClientSim(emu).tokens(SCOPE, "+7 916 555 01 01");
        String access = t.path("access_token").asText();
        HttpResponse<String> r = sim.getWithToken(sim.base + "/rs/prns/1000300101/kids", access);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo("ESIA-005029");
        assertThat(sim.getWithToken(sim.base + "/rs/prns/1000300101/ctts", access).statusCode()).isEqualTo(403);
        // without the snils scope the field is absent
        JsonNode p = JSON.readTree(sim.getWithToken(sim.base + "/rs/prns/1000300101", access).body());
        assertThat(p.path("firstName").asText()).isEqualTo("Диана");
        assertThat(p.has("snils")).isFalse();
        // a token with a broken signature is refused
        String broken = access.substring(0, access.length() - 4) + (access.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(sim.getWithToken(sim.base + "/rs/prns/1000300101", broken).statusCode()).isEqualTo(401);
    }

    @Test
    void refreshTokenIsSignedLikeAuthorizationAndRotates() throws Exception {
        String refresh = new EsiaClientSim(emu).tokens(SCOPE, "+7 926 777 88 99").path("refresh_token").asText();
        String state = UUID.randomUUID().toString();
        String ts = now();
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("client_id", CLIENT_ID);
        p.put("refresh_token", refresh);
        p.put("grant_type", "refresh_token");
        p.put("client_certificate_hash", CERT_HASH);
        p.put("client_secret", rawGost(CLIENT_ID + SCOPE + ts + state + REDIRECT));
        p.put("state", state);
        p.put("redirect_uri", REDIRECT);
        p.put("scope", SCOPE);
        p.put("timestamp", ts);
        p.put("token_type", "Bearer");
        HttpResponse<String> r = sim.token(3, p);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("refresh_token").asText()).isNotEqualTo(refresh);
        String state2 = UUID.randomUUID().toString();
        p.put("state", state2);
        p.put("client_secret", rawGost(CLIENT_ID + SCOPE + ts + state2 + REDIRECT));
        HttpResponse<String> again = sim.token(3, p);
        assertThat(JSON.readTree(again.body()).path("error_description").asText()).startsWith("ESIA-007011");
    }
}
