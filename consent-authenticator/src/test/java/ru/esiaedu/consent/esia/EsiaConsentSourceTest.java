package ru.esiaedu.consent.esia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

import com.sun.net.httpserver.HttpServer;

import ru.esiaedu.consent.source.ConsentApprover;
import ru.esiaedu.consent.source.ConsentSourceUnavailableException;
import ru.esiaedu.consent.source.ConsentStatus;
import ru.esiaedu.consent.source.ConsentSubject;
import ru.esiaedu.login.age.AgeGroup;

/** Source {@code esia}: the subject's token and ESIA address go to the client; every failure is "unavailable". */
class EsiaConsentSourceTest {

    private HttpServer server;
    private String baseUrl;
    private volatile int status = 200;
    private volatile String body = "{\"status\":\"NONE\"}";
    private final List<String> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            sent.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ConsentSubject subject(String token, String url) {
        return new ConsentSubject("realm-1", "school-portal", "Школьный портал", "1000300105", AgeGroup.UNDER_14,
                "acc-1", token, url);
    }

    private EsiaConsentSource source() {
        return new EsiaConsentSource(new EsiaConsentClient(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    @Test
    void checkAsksEsiaWithTheTokenOfThisLogin() throws Exception {
        body = "{\"status\":\"REVOKED\",\"grantor\":null,\"requestId\":\"r9\"}";
        assertThat(source().check(subject("tok", baseUrl)).status()).isEqualTo(ConsentStatus.REVOKED);
        assertThat(sent).containsExactly("GET /consent/v1/status ");
    }

    @Test
    void requestSendsTheConfiguredPurposeAndTheClientName() throws Exception {
        status = 201;
        body = "{\"requestId\":\"r1\",\"created\":true,\"recipients\":1}";
        source().request(subject("tok", baseUrl), "Вход в дневник");
        assertThat(sent.get(0)).startsWith("POST /consent/v1/requests ").contains("\"purpose\":\"Вход в дневник\"")
                .contains("\"responsibleObject\":\"Школьный портал\"");
        source().request(subject("tok", baseUrl));
        assertThat(sent.get(1)).contains("\"purpose\":\"" + EsiaConsentSource.DEFAULT_PURPOSE + "\"");
    }

    @Test
    void withoutATokenNothingCanBeAsked() {
        for (String token : new String[] {null, ""}) {
            assertThatThrownBy(() -> source().check(subject(token, baseUrl))).isInstanceOf(ConsentSourceUnavailableException.class)
                    .hasMessageContaining("no ESIA access token");
            assertThatThrownBy(() -> source().request(subject(token, baseUrl), "p")).isInstanceOf(ConsentSourceUnavailableException.class);
        }
        assertThatThrownBy(() -> source().check(subject("tok", null))).isInstanceOf(ConsentSourceUnavailableException.class)
                .hasMessageContaining("no ESIA base URL");
        assertThat(sent).isEmpty();
    }

    @Test
    void aRejectedTokenAndAnOutageAreBothUnavailableWithDistinctReasons() {
        status = 401;
        body = "{\"error\":\"invalid_token\"}";
        assertThatThrownBy(() -> source().check(subject("tok", baseUrl))).isInstanceOf(ConsentSourceUnavailableException.class)
                .hasMessageContaining("token rejected").hasCauseInstanceOf(EsiaConsentTokenRejectedException.class);
        status = 503;
        assertThatThrownBy(() -> source().request(subject("tok", baseUrl), "p")).isInstanceOf(ConsentSourceUnavailableException.class)
                .hasMessageContaining("503").hasCauseInstanceOf(EsiaConsentUnavailableException.class);
    }

    @Test
    void approvalsHappenInGosuslugiNotHere() throws Exception {
        assertThat(source().pendingApprovals(new ConsentApprover("realm-1", "1000300101"))).isZero();
    }

    @Test
    void theFactoryReadsItsTimeoutsAndNamesItself() {
        EsiaConsentSourceFactory factory = new EsiaConsentSourceFactory();
        assertThat(factory.getId()).isEqualTo("esia");
        assertThat(factory.getDisplayName()).isEqualTo("ЕСИА (Госуслуги)");
        assertThat(factory.client().readTimeout()).isEqualTo(Duration.ofMillis(10000));

        factory.init(new MapScope(Map.of("connect-timeout-ms", "1500", "read-timeout-ms", "2500")));
        assertThat(factory.client().readTimeout()).isEqualTo(Duration.ofMillis(2500));
        factory.init(new MapScope(Map.of("read-timeout-ms", "-5")));
        assertThat(factory.client().readTimeout()).isEqualTo(Duration.ofMillis(10000));
        factory.init(new MapScope(Map.of("read-timeout-ms", "soon")));
        assertThat(factory.client().readTimeout()).isEqualTo(Duration.ofMillis(10000));
        factory.init(new MapScope(Map.of()));
        assertThat(factory.client().readTimeout()).isEqualTo(Duration.ofMillis(10000));
        assertThat(factory.getConfigMetadata()).extracting(p -> p.getName())
                .containsExactly("connect-timeout-ms", "read-timeout-ms");
        assertThat(factory.getConfigMetadata()).extracting(p -> p.getDefaultValue()).containsExactly(3000L, 10000L);
    }

    /** Keycloak's config scope over a map (the SPI options without the {@code --spi-consent-source--esia--} prefix). */
    record MapScope(Map<String, String> values) implements Config.Scope {

        @Override
        public String get(String key) {
            return values.get(key);
        }

        @Override
        public String get(String key, String defaultValue) {
            return values.getOrDefault(key, defaultValue);
        }

        @Override
        public String[] getArray(String key) {
            String value = values.get(key);
            return value == null ? null : value.split(",");
        }

        @Override
        public Integer getInt(String key, Integer defaultValue) {
            String value = values.get(key);
            return value == null ? defaultValue : Integer.valueOf(value);
        }

        @Override
        public Long getLong(String key, Long defaultValue) {
            String value = values.get(key);
            return value == null ? defaultValue : Long.valueOf(value);
        }

        @Override
        public Boolean getBoolean(String key, Boolean defaultValue) {
            String value = values.get(key);
            return value == null ? defaultValue : Boolean.valueOf(value);
        }

        @Override
        public Config.Scope scope(String... scope) {
            return this;
        }

        @Override
        public Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Config.Scope root() {
            return this;
        }
    }
}
