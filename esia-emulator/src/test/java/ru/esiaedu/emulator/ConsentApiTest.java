package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.esiaedu.emulator.EsiaClientSim.*;

/** The consent adapter API (docs/esia-consent-adapter.md) over real HTTP, its faults and its test hooks. */
class ConsentApiTest {
    static final String SCOPE = "openid fullname birthdate";
    static final String AMINA = "1000300105";   // KD, under 14
    static final String REZIDA = "1000300104";  // 14–17, own account
    static final String NIKITA = "1000300103";  // adult
    static final String DIANA = "1000300101";
    static final String TIMUR = "1000300110";
    static final String PURPOSE = "{\"purpose\":\"Вход в электронный дневник\",\"responsibleObject\":\"ГКУ «Школьный портал»\"}";
    static EsiaEmulator emu;
    static String aminaToken;
    static String rezidaToken;
    static String nikitaToken;

    @BeforeAll
    static void start() throws Exception {
        emu = EsiaEmulator.start(EmulatorOptions.defaults().port(0).slowFaultDelay(Duration.ofSeconds(3)));
        aminaToken = new EsiaClientSim(emu).tokens(SCOPE, "amina.dzhalilova2016@mail.ru").path("access_token").asText();
        rezidaToken = new EsiaClientSim(emu).tokens(SCOPE, "primer123@mail.ru").path("access_token").asText();
        nikitaToken = new EsiaClientSim(emu).tokens(SCOPE, "nikita.petrov2007@gmail.com").path("access_token").asText();
    }

    @BeforeEach
    void clean() {
        emu.consents().reset();
        emu.faults().clear();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    static JsonNode status(String token) throws Exception {
        HttpResponse<String> r = new EsiaClientSim(emu).getWithToken(emu.baseUrl() + "/consent/v1/status", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> ask(String token) throws Exception {
        return new EsiaClientSim(emu).postJson("/consent/v1/requests", token, PURPOSE);
    }

    @Test
    void minorUnder14RequestGoesToBothParentsOnce() throws Exception {
        JsonNode none = status(aminaToken);
        assertThat(none.path("status").asText()).isEqualTo("NONE");
        assertThat(none.get("grantor").isNull()).isTrue();
        assertThat(none.get("requestId").isNull()).isTrue();

        HttpResponse<String> first = ask(aminaToken);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(first.body());
        assertThat(created.path("created").asBoolean()).isTrue();
        assertThat(created.path("recipients").asInt()).isEqualTo(2);
        String id = created.path("requestId").asText();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        List<ConsentRequestView> requests = emu.consents().requests(AMINA);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).status()).isEqualTo("PENDING");
        assertThat(requests.get(0).client()).isEqualTo(CLIENT_ID);
        assertThat(requests.get(0).purpose()).isEqualTo("Вход в электронный дневник");
        assertThat(requests.get(0).recipients()).containsExactlyInAnyOrder(DIANA, TIMUR);
        for (String parent : List.of(DIANA, TIMUR)) {
            List<NotificationView> n = emu.consents().notificationsOf(parent);
            assertThat(n).hasSize(1);
            assertThat(n.get(0).title()).isEqualTo("Запрос согласия на обработку персональных данных");
            assertThat(n.get(0).text()).contains("Джалилова Амина Егоровна", "Электронная школа (демо)");
            assertThat(n.get(0).requestId()).isEqualTo(id);
        }

        HttpResponse<String> again = ask(aminaToken);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode same = JSON.readTree(again.body());
        assertThat(same.path("created").asBoolean()).isFalse();
        assertThat(same.path("requestId").asText()).isEqualTo(id);
        assertThat(same.path("recipients").asInt()).isEqualTo(2);
        assertThat(emu.consents().notificationsOf(DIANA)).hasSize(1);
        assertThat(emu.consents().notificationsOf(TIMUR)).hasSize(1);
        assertThat(emu.consents().requests(AMINA)).hasSize(1);

        JsonNode pending = status(aminaToken);
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("requestId").asText()).isEqualTo(id);
        assertThat(pending.get("grantor").isNull()).isTrue();
    }

    @Test
    void teenRequestGoesToBothParentsAdultToHimself() throws Exception {
        JsonNode teen = JSON.readTree(ask(rezidaToken).body());
        assertThat(teen.path("recipients").asInt()).isEqualTo(2);
        assertThat(emu.consents().requests(REZIDA).get(0).recipients()).containsExactlyInAnyOrder(DIANA, TIMUR);

        HttpResponse<String> adult = ask(nikitaToken);
        assertThat(adult.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(adult.body()).path("recipients").asInt()).isEqualTo(1);
        assertThat(emu.consents().requests(NIKITA).get(0).recipients()).containsExactly(NIKITA);
        assertThat(emu.consents().notificationsOf(NIKITA)).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("ваше согласие", "Электронная школа (демо)"));
    }

    @Test
    void grantRevokeAndAskAgainThroughTheHooks() throws Exception {
        String first = JSON.readTree(ask(aminaToken).body()).path("requestId").asText();
        emu.consents().grant(CLIENT_ID, AMINA, TIMUR);
        JsonNode granted = status(aminaToken);
        assertThat(granted.path("status").asText()).isEqualTo("GRANTED");
        assertThat(granted.path("grantor").asText()).isEqualTo("PARENT");
        assertThat(granted.path("requestId").asText()).isEqualTo(first);
        assertThat(emu.consents().requests(AMINA).get(0).status()).isEqualTo("APPROVED");
        assertThat(emu.consents().requests(AMINA).get(0).decidedBy()).isEqualTo(TIMUR);

        // while granted, asking creates nothing
        JsonNode whileGranted = JSON.readTree(ask(aminaToken).body());
        assertThat(whileGranted.path("created").asBoolean()).isFalse();
        assertThat(emu.consents().requests(AMINA)).hasSize(1);

        assertThat(emu.consents().revokeAll(AMINA)).isEqualTo(1);
        JsonNode revoked = status(aminaToken);
        assertThat(revoked.path("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("grantor").isNull()).isTrue();

        HttpResponse<String> anew = ask(aminaToken);
        assertThat(anew.statusCode()).isEqualTo(201);
        String second = JSON.readTree(anew.body()).path("requestId").asText();
        assertThat(second).isNotEqualTo(first);
        JsonNode pending = status(aminaToken);
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("requestId").asText()).isEqualTo(second);
        assertThat(emu.consents().notificationsOf(DIANA)).hasSize(2);

        // a grant without any request, by the adult himself
        emu.consents().grant(CLIENT_ID, NIKITA, NIKITA);
        JsonNode self = status(nikitaToken);
        assertThat(self.path("status").asText()).isEqualTo("GRANTED");
        assertThat(self.path("grantor").asText()).isEqualTo("SELF");
        assertThat(self.get("requestId").isNull()).isTrue();

        emu.consents().reset();
        assertThat(status(aminaToken).path("status").asText()).isEqualTo("NONE");
        assertThat(emu.consents().notificationsOf(DIANA)).isEmpty();
    }

    @Test
    void hooksRefuseNonsense() {
        assertThatThrownBy(() -> emu.consents().grant(CLIENT_ID, AMINA, "1000300102"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emu.consents().grant("NOPE", AMINA, DIANA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emu.consents().grant(CLIENT_ID, "42", DIANA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emu.consents().requests("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badTokensGet401() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        String url = emu.baseUrl() + "/consent/v1/status";
        emu.faults().next(Fault.TOKEN_EXPIRED);
        String expired = new EsiaClientSim(emu).tokens(SCOPE, "amina.dzhalilova2016@mail.ru").path("access_token").asText();
        emu.faults().next(Fault.TOKEN_FORGED_SIGNATURE);
        JsonNode forged = new EsiaClientSim(emu).tokens(SCOPE, "amina.dzhalilova2016@mail.ru");
        emu.faults().next(Fault.TOKEN_WRONG_ISSUER);
        String foreignIssuer = new EsiaClientSim(emu).tokens(SCOPE, "amina.dzhalilova2016@mail.ru").path("access_token").asText();
        String[] parts = aminaToken.split("\\.");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1])).toString()
                        .replace(AMINA, NIKITA).getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];

        for (String bad : new String[] {"garbage", expired, forged.path("access_token").asText(), foreignIssuer,
                forged.path("id_token").asText(), tampered, ""}) {
            HttpResponse<String> s = sim.getWithToken(url, bad);
            assertThat(s.statusCode()).as(bad).isEqualTo(401);
            assertThat(JSON.readTree(s.body()).path("error").asText()).isEqualTo("invalid_token");
            HttpResponse<String> q = sim.postJson("/consent/v1/requests", bad, PURPOSE);
            assertThat(q.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(q.body()).path("error").asText()).isEqualTo("invalid_token");
        }
        HttpResponse<String> none = sim.get(url);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
        assertThat(sim.postJson("/consent/v1/requests", null, PURPOSE).statusCode()).isEqualTo(401);
        assertThat(emu.consents().requests(AMINA)).isEmpty();
    }

    @Test
    void wrongMethodPathOrBody() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        assertThat(sim.postJson("/consent/v1/status", aminaToken, "{}").statusCode()).isEqualTo(405);
        assertThat(sim.getWithToken(emu.baseUrl() + "/consent/v1/requests", aminaToken).statusCode()).isEqualTo(405);
        assertThat(sim.getWithToken(emu.baseUrl() + "/consent/v1/other", aminaToken).statusCode()).isEqualTo(404);
        HttpResponse<String> bad = sim.postJson("/consent/v1/requests", aminaToken, "[1,2]");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asText()).isEqualTo("invalid_request");
        // no body at all: defaults for purpose and responsible object
        HttpResponse<String> empty = sim.postJson("/consent/v1/requests", aminaToken, "");
        assertThat(empty.statusCode()).isEqualTo(201);
        assertThat(emu.consents().requests(AMINA).get(0).purpose()).contains("Электронная школа (демо)");
    }

    @Test
    void consentFaults() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        String url = emu.baseUrl() + "/consent/v1/status";
        emu.faults().next(Fault.CONSENT_500);
        assertThat(sim.getWithToken(url, aminaToken).statusCode()).isEqualTo(500);
        emu.faults().next(Fault.CONSENT_GARBAGE);
        HttpResponse<String> g = sim.postJson("/consent/v1/requests", aminaToken, PURPOSE);
        assertThat(g.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JSON.readTree(g.body())).isInstanceOf(IOException.class);
        assertThat(emu.consents().requests(AMINA)).isEmpty(); // the faulty answer did nothing

        emu.faults().next(Fault.CONSENT_SLOW);
        HttpClient impatient = HttpClient.newHttpClient();
        assertThatThrownBy(() -> impatient.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(700))
                .header("Authorization", "Bearer " + aminaToken).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        // other endpoints are not affected by a consent fault, and the fault is consumed
        emu.faults().next(Fault.CONSENT_500);
        assertThat(sim.getWithToken(emu.baseUrl() + "/rs/prns/" + AMINA, aminaToken).statusCode()).isEqualTo(200);
        assertThat(emu.faults().pending()).containsExactly(Fault.CONSENT_500);
        emu.faults().clear();

        HttpResponse<String> set = sim.post("/__emulator/faults?next=CONSENT_500", java.util.Map.of());
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(sim.getWithToken(url, aminaToken).statusCode()).isEqualTo(500);
        assertThat(sim.getWithToken(url, aminaToken).statusCode()).isEqualTo(200);
    }

    @Test
    void hooksOverHttp() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        ask(rezidaToken);
        HttpResponse<String> requests = sim.get(emu.baseUrl() + "/__emulator/consents/requests?student=" + REZIDA);
        assertThat(requests.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(requests.body()).path("requests");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("status").asText()).isEqualTo("PENDING");
        assertThat(list.get(0).path("recipients")).hasSize(2);

        JsonNode notes = JSON.readTree(sim.get(emu.baseUrl() + "/__emulator/consents/notifications?oid=" + TIMUR).body());
        assertThat(notes.path("notifications")).hasSize(1);
        assertThat(notes.path("notifications").get(0).path("text").asText()).contains("Джалилов Резида Егорович");

        HttpResponse<String> grant = sim.postJson("/__emulator/consents/grant", null,
                "{\"client\":\"SCHOOL01\",\"student\":\"" + REZIDA + "\",\"grantor\":\"" + DIANA + "\"}");
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
        assertThat(JSON.readTree(grant.body()).path("status").asText()).isEqualTo("GRANTED");
        assertThat(JSON.readTree(grant.body()).path("consentId").asText()).isNotBlank();
        assertThat(status(rezidaToken).path("grantor").asText()).isEqualTo("PARENT");

        HttpResponse<String> wrong = sim.postJson("/__emulator/consents/grant", null,
                "{\"client\":\"SCHOOL01\",\"student\":\"" + REZIDA + "\",\"grantor\":\"1000300106\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(sim.postJson("/__emulator/consents/grant", null, "{\"client\":\"SCHOOL01\"}").statusCode()).isEqualTo(400);

        HttpResponse<String> revoke = sim.post("/__emulator/consents/revoke-all?student=" + REZIDA, java.util.Map.of());
        assertThat(JSON.readTree(revoke.body()).path("revoked").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(sim.get(emu.baseUrl() + "/__emulator/consents/status?client=SCHOOL01&student=" + REZIDA)
                .body()).path("status").asText()).isEqualTo("REVOKED");

        assertThat(sim.post("/__emulator/consents/reset", java.util.Map.of()).statusCode()).isEqualTo(200);
        assertThat(emu.consents().requests(REZIDA)).isEmpty();
        assertThat(sim.get(emu.baseUrl() + "/__emulator/consents/reset").statusCode()).isEqualTo(405);
        assertThat(sim.post("/__emulator/consents/nope", java.util.Map.of()).statusCode()).isEqualTo(404);
        // the hooks are not recorded as ESIA requests
        assertThat(emu.requests()).noneMatch(r -> r.endpoint().startsWith("/__emulator/"));
    }
}
