package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.esiaedu.emulator.EsiaClientSim.*;

/** Full flows over real HTTP: v2 → v3, v1 with CMS, SSO and logout, login page behaviour. */
class FlowTest {
    static final String SCOPE = "openid fullname birthdate gender snils id_doc contacts addresses kid_fullname kid_birthdate kid_birth_cert_doc";
    static EsiaEmulator emu;

    @BeforeAll
    static void start() {
        emu = EsiaEmulator.start(EmulatorOptions.defaults().port(0).publicBaseUrl(null).tokenAlgorithm("RS256"));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void happyPathV2ThenV3ThenPersonApi() throws Exception {
        assertThat(emu.baseUrl()).matches("http://localhost:\\d+");
        assertThat(emu.issuer()).isEqualTo(emu.baseUrl() + "/");
        EsiaClientSim sim = new EsiaClientSim(emu);
        String state = UUID.randomUUID().toString();

        HttpResponse<String> page = sim.authorize(2, authParams(2, SCOPE, state));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("госуслуги", "Вход", "Электронная школа (демо)", "Телефон / Email / СНИЛС",
                "Пароль", "Войти", "Отмена", "Захарченко Диана Набиевна");

        // the phone is stored as +7(916)5550101; the user types it another way
        HttpResponse<String> consent = sim.post("/login", Map.of("pending", pendingId(page.body()),
                "login", "8 (916) 555-01-01", "password", PASSWORD));
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains("Предоставление прав доступа", "Фамилия, имя и отчество", "СНИЛС",
                "Предоставить", "Отказать");
        HttpResponse<String> back = sim.post("/login/consent", Map.of("pending", pendingId(consent.body()), "decision", "grant"));
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT + "?code=");
        Map<String, String> cb = redirectParams(back);
        assertThat(cb.get("state")).isEqualTo(state);

        String tokenState = UUID.randomUUID().toString();
        HttpResponse<String> tr = sim.token(3, tokenParams(3, cb.get("code"), SCOPE, tokenState));
        assertThat(tr.statusCode()).as(tr.body()).isEqualTo(200);
        JsonNode t = JSON.readTree(tr.body());
        assertThat(t.path("state").asText()).isEqualTo(tokenState);
        assertThat(t.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(t.path("refresh_token").asText()).isNotBlank();

        String access = t.path("access_token").asText();
        assertThat(jwtVerifies(access, cert("/keys/esia-rsa.crt.pem"), "SHA256withRSA")).isTrue();
        JsonNode h = jwtPart(access, 0);
        assertThat(h.path("alg").asText()).isEqualTo("RS256");
        assertThat(h.path("sbt").asText()).isEqualTo("access");
        assertThat(h.path("ver").asInt()).isEqualTo(1);
        JsonNode a = jwtPart(access, 1);
        assertThat(a.path("urn:esia:sbj_id").isNumber()).isTrue();
        assertThat(a.path("urn:esia:sbj_id").asLong()).isEqualTo(1000300101L);
        assertThat(a.path("iss").asText()).isEqualTo(emu.issuer());
        assertThat(a.path("client_id").asText()).isEqualTo(CLIENT_ID);
        assertThat(a.path("exp").asLong() - a.path("iat").asLong()).isEqualTo(3600);
        assertThat(a.path("scope").asText()).contains("openid", "fullname?oid=1000300101");

        JsonNode id = jwtPart(t.path("id_token").asText(), 1);
        assertThat(jwtVerifies(t.path("id_token").asText(), cert("/keys/esia-rsa.crt.pem"), "SHA256withRSA")).isTrue();
        assertThat(id.path("sub").asText()).isEqualTo("1000300101");
        assertThat(id.path("aud").asText()).isEqualTo(CLIENT_ID);
        assertThat(id.path("urn:esia:sbj").path("urn:esia:sbj:lvl").asText()).isEqualTo("PR");
        assertThat(id.path("urn:esia:sbj").path("urn:esia:sbj:is_tru").asBoolean()).isTrue();

        HttpResponse<String> pr = sim.getWithToken(emu.baseUrl() + "/rs/prns/1000300101"
                + "?embed=(contacts.elements,documents.elements,addresses.elements,kids.elements)", access);
        assertThat(pr.statusCode()).as(pr.body()).isEqualTo(200);
        JsonNode p = JSON.readTree(pr.body());
        assertThat(p.path("firstName").asText()).isEqualTo("Диана");
        assertThat(p.path("lastName").asText()).isEqualTo("Захарченко");
        assertThat(p.path("birthDate").asText()).isEqualTo("14.03.1985");
        assertThat(p.path("snils").asText()).matches("\\d{3}-\\d{3}-\\d{3} \\d{2}");
        assertThat(p.path("trusted").asBoolean()).isTrue();
        assertThat(p.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(p.has("oid")).isFalse();
        assertThat(p.has("inn")).as("inn scope not granted").isFalse();
        assertThat(p.path("contacts").path("size").asInt()).isEqualTo(3);
        assertThat(p.path("contacts").path("elements").get(0).path("type").asText()).isEqualTo("MBT");
        assertThat(p.path("documents").path("elements").get(0).path("type").asText()).isEqualTo("RF_PASSPORT");
        JsonNode kids = p.path("kids").path("elements");
        assertThat(kids.size()).isEqualTo(2);
        JsonNode amina = kids.get(1);
        assertThat(amina.path("id").asLong()).isEqualTo(1000300105L);
        assertThat(amina.path("firstName").asText()).isEqualTo("Амина");
        assertThat(amina.has("snils")).as("kid_snils not granted").isFalse();
        assertThat(amina.path("documents").path("elements").get(0).path("actNo").asText()).isNotBlank();

        HttpResponse<String> ctts = sim.getWithToken(emu.baseUrl() + "/rs/prns/1000300101/ctts", access);
        JsonNode coll = JSON.readTree(ctts.body());
        assertThat(coll.path("size").asInt()).isEqualTo(3);
        String first = coll.path("elements").get(0).asText();
        assertThat(first).startsWith(emu.baseUrl() + "/rs/prns/1000300101/ctts/");
        JsonNode contact = JSON.readTree(sim.getWithToken(first, access).body());
        assertThat(contact.path("value").asText()).isEqualTo("+7(916)5550101");
        assertThat(contact.path("vrfStu").asText()).isEqualTo("VERIFIED");

        // another person's data with this token: refused
        assertThat(sim.getWithToken(emu.baseUrl() + "/rs/prns/1000300104", access).statusCode()).isEqualTo(401);
        assertThat(emu.requests()).anyMatch(r -> r.endpoint().equals("/aas/oauth2/v3/te"));
        assertThat(emu.requests()).noneMatch(r -> r.params().containsKey("password"));
    }

    @Test
    void v1WithCmsSignatureAndLoginBySnils() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        String scope = "openid fullname snils";
        String state = UUID.randomUUID().toString();
        HttpResponse<String> page = sim.authorize(1, authParams(1, scope, state));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        // Морозова's contacts are NOT_VERIFIED: her phone is not a login, her SNILS is
        HttpResponse<String> wrong = sim.post("/login", Map.of("pending", pendingId(page.body()),
                "login", "+7 915 000-11-22", "password", PASSWORD));
        assertThat(wrong.body()).contains("Неверный логин или пароль");
        HttpResponse<String> back = sim.loginAndGrant(wrong, "22345678973");
        Map<String, String> cb = redirectParams(back);
        assertThat(cb.get("state")).isEqualTo(state);
        HttpResponse<String> tr = sim.token(1, tokenParams(1, cb.get("code"), scope, UUID.randomUUID().toString()));
        assertThat(tr.statusCode()).as(tr.body()).isEqualTo(200);
        assertThat(jwtPart(JSON.readTree(tr.body()).path("access_token").asText(), 1).path("urn:esia:sbj_id").asLong())
                .isEqualTo(1000300107L);
    }

    @Test
    void ssoSkipsPasswordUntilLogout() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        sim.code("openid fullname", "+79267778899");
        // same browser, second authorization: straight back with a code, no login page, no consent
        String state = UUID.randomUUID().toString();
        HttpResponse<String> again = sim.authorize(2, authParams(2, "openid fullname", state));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(redirectParams(again).get("code")).isNotBlank();

        HttpResponse<String> out = sim.get(emu.baseUrl() + "/idp/ext/Logout?client_id=SCHOOL01&redirect_url="
                + java.net.URLEncoder.encode("http://localhost:8080/realms/school/", "UTF-8"));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location")).contains("http://localhost:8080/realms/school/");
        HttpResponse<String> afterLogout = sim.authorize(2, authParams(2, "openid fullname", UUID.randomUUID().toString()));
        assertThat(afterLogout.statusCode()).isEqualTo(200);
        assertThat(afterLogout.body()).contains("Войти");

        HttpResponse<String> foreign = sim.get(emu.baseUrl() + "/idp/ext/Logout?client_id=SCHOOL01&redirect_url=https://evil.example/");
        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(foreign.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void forgettingAPersonsGrantsBringsBackTheAccessRightsPage() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        sim.code("openid fullname", "+79267778899");   // 1000300103 signs in and grants

        emu.forgetAccessGrants("1000300103");
        HttpResponse<String> again = sim.authorize(2, authParams(2, "openid fullname", UUID.randomUUID().toString()));
        assertThat(again.statusCode()).as("SSO still holds, but the grant is gone").isEqualTo(200);
        assertThat(again.body()).contains("Предоставление прав доступа");
    }

    @Test
    void cancelDenyDeletedAndUnconfirmed() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        String state = UUID.randomUUID().toString();
        HttpResponse<String> page = sim.authorize(2, authParams(2, "openid fullname", state));
        HttpResponse<String> cancel = sim.post("/login", Map.of("pending", pendingId(page.body()), "action", "cancel"));
        assertThat(redirectParams(cancel)).containsEntry("error", "access_denied")
                .containsEntry("error_description", "ESIA-007004: Отказ пользователя").containsEntry("state", state);

        page = sim.authorize(2, authParams(2, "openid fullname", UUID.randomUUID().toString()));
        HttpResponse<String> deleted = sim.post("/login", Map.of("pending", pendingId(page.body()),
                "login", "+7 905 444-55-66", "password", PASSWORD));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).contains("Учётная запись удалена");

        HttpResponse<String> consent = sim.post("/login", Map.of("pending", pendingId(deleted.body()),
                "login", "+7 903 222 33 45", "password", PASSWORD));
        assertThat(consent.body()).contains("Предоставление прав доступа");
        HttpResponse<String> deny = sim.post("/login/consent", Map.of("pending", pendingId(consent.body()), "decision", "deny"));
        assertThat(redirectParams(deny).get("error_description")).startsWith("ESIA-007004");

        EsiaClientSim other = new EsiaClientSim(emu);
        Map<String, String> params = authParams(2, "openid fullname", UUID.randomUUID().toString());
        params.put("person_filter", "conf_acc");
        HttpResponse<String> unconfirmed = other.loginAndGrant(other.authorize(2, params), "+7(999)123-45-67");
        assertThat(redirectParams(unconfirmed)).containsEntry("error", "access_denied")
                .containsEntry("error_description", "ESIA-007055: Вход с неподтверждённой учётной записью");
    }

    @Test
    void childAccountTokenSaysKd() throws Exception {
        JsonNode t = new EsiaClientSim(emu).tokens("openid fullname birthdate", "amina.dzhalilova2016@mail.ru");
        JsonNode sbj = jwtPart(t.path("id_token").asText(), 1).path("urn:esia:sbj");
        assertThat(sbj.path("urn:esia:sbj:lvl").asText()).isEqualTo("KD");
        assertThat(sbj.has("urn:esia:sbj:is_tru")).isFalse();
    }
}
