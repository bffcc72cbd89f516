package ru.esiaedu.consent.esia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import ru.esiaedu.consent.source.ConsentRequestOutcome;
import ru.esiaedu.consent.source.ConsentState;
import ru.esiaedu.consent.source.ConsentStatus;
import ru.esiaedu.consent.source.Grantor;

/** The adapter's two calls against a real HTTP server in the test (the JDK's), with every kind of bad answer. */
class EsiaConsentClientTest {

    private static final String TOKEN = "eyJ.student-token.sig";

    private HttpServer server;
    private String baseUrl;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Answer answer = new Answer(200, "{}", 0);
    private final CountDownLatch release = new CountDownLatch(1);

    record Recorded(String method, String path, String authorization, String contentType, String body) {
    }

    record Answer(int status, String body, long delayMillis) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] in = exchange.getRequestBody().readAllBytes();
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(in, StandardCharsets.UTF_8)));
        Answer a = answer;
        if (a.delayMillis() > 0) {
            try {
                release.await(a.delayMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (a.status() == 302) {
            exchange.getResponseHeaders().add("Location", baseUrl + "/elsewhere");
        }
        exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    private EsiaConsentClient client() {
        return new EsiaConsentClient(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void statusIsReadWithTheStudentsToken() throws Exception {
        answer = new Answer(200, "{\"status\":\"GRANTED\",\"grantor\":\"PARENT\",\"requestId\":\"r-1\"}", 0);
        ConsentState state = client().status(baseUrl, TOKEN);
        assertThat(state).isEqualTo(new ConsentState(ConsentStatus.GRANTED, Grantor.PARENT, "r-1"));
        Recorded sent = requests.get(0);
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.path()).isEqualTo("/consent/v1/status");
        assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void everyStatusOfTheContractIsUnderstood() throws Exception {
        for (ConsentStatus status : ConsentStatus.values()) {
            answer = new Answer(200, "{\"status\":\"" + status + "\",\"grantor\":null,\"requestId\":null}", 0);
            ConsentState state = client().status(baseUrl + "/", TOKEN);
            assertThat(state.status()).isEqualTo(status);
            assertThat(state.grantor()).isNull();
            assertThat(state.requestId()).isNull();
        }
    }

    @Test
    void aGrantorIsOnlyKeptForAGrantedConsentAndUnknownOnesAreIgnored() throws Exception {
        answer = new Answer(200, "{\"status\":\"PENDING\",\"grantor\":\"PARENT\",\"requestId\":\"r-2\"}", 0);
        assertThat(client().status(baseUrl, TOKEN)).isEqualTo(new ConsentState(ConsentStatus.PENDING, null, "r-2"));
        answer = new Answer(200, "{\"status\":\"GRANTED\",\"grantor\":\"GRANDMOTHER\"}", 0);
        assertThat(client().status(baseUrl, TOKEN)).isEqualTo(new ConsentState(ConsentStatus.GRANTED, null, null));
        answer = new Answer(200, "{\"status\":\"GRANTED\",\"grantor\":\"SELF\"}", 0);
        assertThat(client().status(baseUrl, TOKEN).grantor()).isEqualTo(Grantor.SELF);
    }

    @Test
    void aNewRequestPostsPurposeAndResponsibleObject() throws Exception {
        answer = new Answer(201, "{\"requestId\":\"5c1f\",\"created\":true,\"recipients\":2}", 0);
        ConsentRequestOutcome outcome = client().request(baseUrl, TOKEN, "Вход учащегося в электронный дневник",
                "Школьный портал (демо)");
        assertThat(outcome).isEqualTo(new ConsentRequestOutcome("5c1f", true, 2));
        Recorded sent = requests.get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/consent/v1/requests");
        assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(sent.contentType()).startsWith("application/json");
        JsonNode body = new ObjectMapper().readTree(sent.body());
        assertThat(body.path("purpose").asText()).isEqualTo("Вход учащегося в электронный дневник");
        assertThat(body.path("responsibleObject").asText()).isEqualTo("Школьный портал (демо)");
    }

    @Test
    void anAlreadyPendingRequestIs200AndNotCreated() throws Exception {
        answer = new Answer(200, "{\"requestId\":\"5c1f\",\"created\":false,\"recipients\":2}", 0);
        assertThat(client().request(baseUrl, TOKEN, "p", "o")).isEqualTo(new ConsentRequestOutcome("5c1f", false, 2));
    }

    @Test
    void missingCreatedFollowsTheStatusCodeAndMissingRecipientsIsZero() throws Exception {
        answer = new Answer(201, "{\"requestId\":\"a\"}", 0);
        assertThat(client().request(baseUrl, TOKEN, "p", "o")).isEqualTo(new ConsentRequestOutcome("a", true, 0));
        answer = new Answer(200, "{\"requestId\":\"a\"}", 0);
        assertThat(client().request(baseUrl, TOKEN, "p", "o")).isEqualTo(new ConsentRequestOutcome("a", false, 0));
    }

    @Test
    void http401IsARejectedTokenOnBothCalls() {
        answer = new Answer(401, "{\"error\":\"invalid_token\"}", 0);
        assertThatThrownBy(() -> client().status(baseUrl, TOKEN)).isInstanceOf(EsiaConsentTokenRejectedException.class)
                .hasMessageContaining("401").hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> client().request(baseUrl, TOKEN, "p", "o")).isInstanceOf(EsiaConsentTokenRejectedException.class);
    }

    @Test
    void http500AndOtherStatusesAreUnavailable() {
        for (int status : new int[] {500, 502, 503, 400, 403, 404}) {
            answer = new Answer(status, "{\"error\":\"x\"}", 0);
            assertThatThrownBy(() -> client().status(baseUrl, TOKEN)).as("status " + status)
                    .isInstanceOf(EsiaConsentUnavailableException.class).hasMessageContaining(String.valueOf(status));
            assertThatThrownBy(() -> client().request(baseUrl, TOKEN, "p", "o")).as("request " + status)
                    .isInstanceOf(EsiaConsentUnavailableException.class);
        }
    }

    @Test
    void garbageIsUnavailable() {
        for (String body : new String[] {"<html>Service Unavailable</html>", "", "[]", "\"GRANTED\"", "{\"status\":\"MAYBE\"}",
                "{\"grantor\":\"PARENT\"}", "{\"status\":{\"value\":\"GRANTED\"}}", "{\"status\":\"GRANTED\""}) {
            answer = new Answer(200, body, 0);
            assertThatThrownBy(() -> client().status(baseUrl, TOKEN)).as(body).isInstanceOf(EsiaConsentUnavailableException.class);
        }
        for (String body : new String[] {"not json", "{}", "{\"requestId\":\"\"}", "{\"requestId\":\"a\",\"created\":\"yes\"}",
                "{\"requestId\":\"a\",\"recipients\":\"two\"}"}) {
            answer = new Answer(201, body, 0);
            assertThatThrownBy(() -> client().request(baseUrl, TOKEN, "p", "o")).as(body)
                    .isInstanceOf(EsiaConsentUnavailableException.class);
        }
    }

    @Test
    void aHugeAnswerIsUnavailableAndNotReadToTheEnd() {
        answer = new Answer(200, "{\"status\":\"GRANTED\",\"padding\":\"" + "x".repeat(2_000_000) + "\"}", 0);
        assertThatThrownBy(() -> client().status(baseUrl, TOKEN)).isInstanceOf(EsiaConsentUnavailableException.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void aSlowAnswerTimesOutAsUnavailable() {
        answer = new Answer(200, "{\"status\":\"GRANTED\"}", 5000);
        EsiaConsentClient client = new EsiaConsentClient(Duration.ofSeconds(2), Duration.ofMillis(300));
        assertThatThrownBy(() -> client.status(baseUrl, TOKEN)).isInstanceOf(EsiaConsentUnavailableException.class)
                .hasMessageContaining("timed out");
    }

    @Test
    void nobodyListeningIsUnavailable() throws IOException {
        String closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }
        assertThatThrownBy(() -> client().status(closed, TOKEN)).isInstanceOf(EsiaConsentUnavailableException.class);
    }

    @Test
    void redirectsAreNotFollowedWithTheToken() {
        answer = new Answer(302, "", 0);
        assertThatThrownBy(() -> client().status(baseUrl, TOKEN)).isInstanceOf(EsiaConsentUnavailableException.class)
                .hasMessageContaining("302");
        assertThat(requests).extracting(Recorded::path).containsExactly("/consent/v1/status");
    }

    @Test
    void noTokenOrNoUsableBaseUrlAsksNobody() {
        assertThatThrownBy(() -> client().status(baseUrl, null)).isInstanceOf(EsiaConsentUnavailableException.class);
        assertThatThrownBy(() -> client().status(baseUrl, " ")).isInstanceOf(EsiaConsentUnavailableException.class);
        assertThatThrownBy(() -> client().status(null, TOKEN)).isInstanceOf(EsiaConsentUnavailableException.class);
        assertThatThrownBy(() -> client().status("ftp://esia.example", TOKEN)).isInstanceOf(EsiaConsentUnavailableException.class);
        assertThatThrownBy(() -> client().status("not a url", TOKEN)).isInstanceOf(EsiaConsentUnavailableException.class);
        assertThat(requests).isEmpty();
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> new EsiaConsentClient(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EsiaConsentClient(Duration.ofSeconds(1), Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
