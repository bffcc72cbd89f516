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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.esiaedu.emulator.EsiaClientSim.*;

/** Injected faults, and tokens signed with GOST R 34.10-2012. */
class FaultsAndGostTest {
    static final String SCOPE = "openid fullname";
    static EsiaEmulator emu;

    @BeforeAll
    static void start() {
        emu = EsiaEmulator.start(EmulatorOptions.defaults().port(0).tokenAlgorithm("GOST3410_2012_256"));
    }

    @BeforeEach
    void noLeftoverFaults() {
        emu.faults().clear();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void gostTokensVerifyWithTheEmulatorsGostCertificate() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        JsonNode t = sim.tokens(SCOPE, "79011111111");
        String access = t.path("access_token").asText();
        assertThat(jwtPart(access, 0).path("alg").asText()).isEqualTo("GOST3410_2012_256");
        assertThat(java.util.Base64.getUrlDecoder().decode(access.split("\\.")[2])).hasSize(64);
        assertThat(jwtVerifies(access, cert("/keys/esia-gost.crt.pem"), "GOST3411-2012-256WITHECGOST3410-2012-256")).isTrue();
        assertThat(jwtVerifies(t.path("id_token").asText(), cert("/keys/esia-gost.crt.pem"), "GOST3411-2012-256WITHECGOST3410-2012-256")).isTrue();
        HttpResponse<String> p = sim.getWithToken(emu.baseUrl() + "/rs/prns/1000300104", access);
        assertThat(p.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(p.body()).path("firstName").asText()).isEqualTo("Резида");
    }

    @Test
    void tokenFaultsAreOneShot() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        String code = sim.code(SCOPE, "+7(901)1111111");
        emu.faults().next(Fault.TOKEN_500).next(Fault.TOKEN_GARBAGE);
        assertThat(sim.token(3, tokenParams(3, code, SCOPE, UUID.randomUUID().toString())).statusCode()).isEqualTo(500);
        HttpResponse<String> garbage = sim.token(3, tokenParams(3, code, SCOPE, UUID.randomUUID().toString()));
        assertThat(garbage.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JSON.readTree(garbage.body())).isInstanceOf(IOException.class);
        // the code survived both failures (they happen before the exchange)
        assertThat(sim.token(3, tokenParams(3, code, SCOPE, UUID.randomUUID().toString())).statusCode()).isEqualTo(200);
        assertThat(emu.faults().pending()).isEmpty();
    }

    @Test
    void tamperedTokens() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        emu.faults().next(Fault.TOKEN_FORGED_SIGNATURE);
        JsonNode forged = sim.tokens(SCOPE, "79011111111");
        assertThat(jwtVerifies(forged.path("access_token").asText(), cert("/keys/esia-gost.crt.pem"),
                "GOST3411-2012-256WITHECGOST3410-2012-256")).isFalse();
        assertThat(sim.getWithToken(emu.baseUrl() + "/rs/prns/1000300104", forged.path("access_token").asText()).statusCode()).isEqualTo(401);

        emu.faults().next(Fault.TOKEN_EXPIRED);
        JsonNode expired = sim.tokens(SCOPE, "79011111111");
        assertThat(jwtPart(expired.path("access_token").asText(), 1).path("exp").asLong())
                .isLessThan(System.currentTimeMillis() / 1000);
        assertThat(sim.getWithToken(emu.baseUrl() + "/rs/prns/1000300104", expired.path("access_token").asText()).statusCode()).isEqualTo(401);

        emu.faults().next(Fault.TOKEN_WRONG_ISSUER);
        JsonNode foreign = sim.tokens(SCOPE, "79011111111");
        assertThat(jwtPart(foreign.path("id_token").asText(), 1).path("iss").asText()).isNotEqualTo(emu.issuer());
    }

    @Test
    void tokenAnswersCutDroppedOrHugeAndTokensForAnotherClientOrWithoutSubject() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        String code = sim.code(SCOPE, "+7(901)1111111");
        emu.faults().next(Fault.TOKEN_DOWN);
        assertThatThrownBy(() -> sim.token(3, tokenParams(3, code, SCOPE, UUID.randomUUID().toString())))
                .isInstanceOf(IOException.class);
        emu.faults().next(Fault.TOKEN_HUGE);
        HttpResponse<String> huge = sim.token(3, tokenParams(3, code, SCOPE, UUID.randomUUID().toString()));
        assertThat(huge.body().length()).isGreaterThan(Responses.HUGE_BODY_BYTES);
        emu.faults().next(Fault.TOKEN_TRUNCATED);
        HttpResponse<String> cut = sim.token(3, tokenParams(3, code, SCOPE, UUID.randomUUID().toString()));
        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(cut.body()).startsWith("{\"access_token\"");
        assertThatThrownBy(() -> JSON.readTree(cut.body())).isInstanceOf(IOException.class);

        emu.faults().next(Fault.TOKEN_WRONG_AUDIENCE);
        JsonNode other = sim.tokens(SCOPE, "79011111111");
        assertThat(jwtPart(other.path("id_token").asText(), 1).path("aud").asText()).isEqualTo("OTHER01");
        assertThat(jwtPart(other.path("access_token").asText(), 1).path("client_id").asText()).isEqualTo("OTHER01");
        emu.faults().next(Fault.TOKEN_NO_SUBJECT);
        JsonNode anonymous = sim.tokens(SCOPE, "79011111111");
        assertThat(jwtPart(anonymous.path("access_token").asText(), 1).has("urn:esia:sbj_id")).isFalse();
        assertThat(emu.faults().pending()).isEmpty();
    }

    @Test
    void personAnswersCutOrHuge() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        String access = sim.tokens(SCOPE, "79011111111").path("access_token").asText();
        String url = emu.baseUrl() + "/rs/prns/1000300104";
        emu.faults().next(Fault.PERSON_TRUNCATED);
        HttpResponse<String> cut = sim.getWithToken(url, access);
        assertThat(cut.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JSON.readTree(cut.body())).isInstanceOf(IOException.class);
        emu.faults().next(Fault.PERSON_HUGE);
        assertThat(sim.getWithToken(url, access).body().length()).isGreaterThan(Responses.HUGE_BODY_BYTES);
        assertThat(sim.getWithToken(url, access).statusCode()).isEqualTo(200);
    }

    @Test
    void personFaults() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        String access = sim.tokens(SCOPE, "79011111111").path("access_token").asText();
        String url = emu.baseUrl() + "/rs/prns/1000300104";
        emu.faults().next(Fault.PERSON_500);
        assertThat(sim.getWithToken(url, access).statusCode()).isEqualTo(500);
        emu.faults().next(Fault.PERSON_GARBAGE);
        HttpResponse<String> g = sim.getWithToken(url, access);
        assertThat(g.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JSON.readTree(g.body())).isInstanceOf(IOException.class);
        emu.faults().next(Fault.PERSON_SLOW);
        HttpClient impatient = HttpClient.newHttpClient();
        assertThatThrownBy(() -> impatient.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(700))
                .header("Authorization", "Bearer " + access).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(sim.getWithToken(url, access).statusCode()).isEqualTo(200);
    }

    @Test
    void slowTokenAndDown() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        String code = sim.code(SCOPE, "79011111111");
        emu.faults().next(Fault.TOKEN_SLOW);
        HttpClient impatient = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(emu.baseUrl() + "/aas/oauth2/v3/te"))
                .timeout(Duration.ofMillis(700)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(tokenParams(3, code, SCOPE, UUID.randomUUID().toString())))).build();
        assertThatThrownBy(() -> impatient.send(req, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);

        emu.faults().next(Fault.DOWN);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emu.baseUrl() + "/aas/oauth2/v3/te"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=b")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void faultsOverHttp() throws Exception {
        EsiaClientSim sim = new EsiaClientSim(emu);
        HttpResponse<String> set = sim.post("/__emulator/faults?next=TOKEN_500,PERSON_500", Map.of());
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(emu.faults().pending()).containsExactly(Fault.TOKEN_500, Fault.PERSON_500);
        assertThat(sim.post("/__emulator/faults?next=NOPE", Map.of()).statusCode()).isEqualTo(400);
        HttpResponse<String> cleared = sim.http.send(HttpRequest.newBuilder(URI.create(emu.baseUrl() + "/__emulator/faults"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(emu.faults().pending()).isEmpty();
    }
}
