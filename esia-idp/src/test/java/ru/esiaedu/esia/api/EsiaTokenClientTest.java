package ru.esiaedu.esia.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.esiaedu.esia.http.HostileServer;

class EsiaTokenClientTest {

    private static final String TE = "/aas/oauth2/v3/te";
    private static final String OK = "{\"access_token\":\"at.jwt\",\"id_token\":\"id.jwt\",\"refresh_token\":\"rt-1\","
            + "\"state\":\"6f1c2a44-0000-4000-8000-000000000001\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
            + "\"unknown_extra\":{\"x\":1}}";

    private StubServer stub;
    private EsiaTokenClient client;

    @BeforeEach
    void setUp() throws IOException {
        stub = new StubServer();
        client = new EsiaTokenClient(new EsiaHttp(Duration.ofSeconds(2), Duration.ofMillis(1500)),
                stub.baseUrl() + TE);
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    private static Map<String, String> form() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("client_id", "EDU_PORTAL");
        f.put("code", "abc");
        f.put("grant_type", "authorization_code");
        f.put("scope", "openid fullname");
        f.put("scope_org", "");
        f.put("timestamp", "2026.11.22 21:00:00 +0300");
        f.put("redirect_uri", "https://sso.example.ru/realms/edu/broker/esia/endpoint?a=1&b=2");
        f.put("client_secret", "ab-_cd+/=");
        return f;
    }

    @Test
    void successParsesAllFieldsAndKeepsRaw() throws Exception {
        stub.json(TE, 200, OK);

        TokenResponse t = client.exchange(form());

        assertThat(t.accessToken()).isEqualTo("at.jwt");
        assertThat(t.idToken()).isEqualTo("id.jwt");
        assertThat(t.refreshToken()).isEqualTo("rt-1");
        assertThat(t.state()).isEqualTo("6f1c2a44-0000-4000-8000-000000000001");
        assertThat(t.tokenType()).isEqualTo("Bearer");
        assertThat(t.expiresIn()).isEqualTo(3600L);
        assertThat(t.raw()).isEqualTo(OK);
        assertThat(t.toString()).doesNotContain("at.jwt", "id.jwt", "rt-1");
    }

    @Test
    void sendsStrictRfc3986FormWithJsonAccept() throws Exception {
        stub.json(TE, 200, OK);

        client.exchange(form());

        assertThat(stub.requests).hasSize(1);
        StubServer.Recorded r = stub.requests.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(r.header("Accept")).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("client_id=EDU_PORTAL&code=abc&grant_type=authorization_code"
                + "&scope=openid%20fullname&scope_org="
                + "&timestamp=2026.11.22%2021%3A00%3A00%20%2B0300"
                + "&redirect_uri=https%3A%2F%2Fsso.example.ru%2Frealms%2Fedu%2Fbroker%2Fesia%2Fendpoint%3Fa%3D1%26b%3D2"
                + "&client_secret=ab-_cd%2B%2F%3D");
        assertThat(r.body()).doesNotContain("+");
    }

    @Test
    void encoderHandlesUtf8AndUnreserved() {
        assertThat(FormEncoding.encode("Az09-._~")).isEqualTo("Az09-._~");
        assertThat(FormEncoding.encode("я +*")).isEqualTo("%D1%8F%20%2B%2A");
    }

    @Test
    void esiaErrorJsonOn400CarriesCodeErrorAndStatus() {
        stub.json(TE, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"ESIA-007011: Authorization code"
                + " is invalid\",\"state\":\"s-1\"}");

        EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> client.exchange(form()));

        assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.ESIA_ERROR);
        assertThat(e.esiaCode()).isEqualTo("ESIA-007011");
        assertThat(e.error()).isEqualTo("invalid_grant");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.category()).isEqualTo(EsiaErrorCode.Category.CODE_EXPIRED);
        assertThat(e.getMessage()).contains("ESIA-007011").doesNotContain("Authorization code");
    }

    @Test
    void oauthErrorOn401IsStillEsiaError() {
        stub.json(TE, 401, "{\"error\":\"unauthorized_client\",\"error_description\":\"ESIA-007005: bad secret\"}");

        EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> client.exchange(form()));

        assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.ESIA_ERROR);
        assertThat(e.esiaCode()).isEqualTo("ESIA-007005");
        assertThat(e.category()).isEqualTo(EsiaErrorCode.Category.CLIENT_MISCONFIGURED);
    }

    @Test
    void serverErrorIsUnavailable() {
        stub.answer(TE, 500, "text/html", "<html>oops</html>", 0);

        EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> client.exchange(form()));

        assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.UNAVAILABLE);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.esiaCode()).isNull();
    }

    @Test
    void garbage200IsMalformed() {
        stub.answer(TE, 200, "text/html", "<html>maintenance</html>", 0);

        assertThatThrownBy(() -> client.exchange(form()))
                .isInstanceOfSatisfying(EsiaApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.MALFORMED_RESPONSE));
    }

    @Test
    void jsonWithoutAccessTokenIsMalformed() {
        stub.json(TE, 200, "{\"id_token\":\"x\",\"state\":\"s\"}");

        assertThatThrownBy(() -> client.exchange(form()))
                .isInstanceOfSatisfying(EsiaApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.MALFORMED_RESPONSE));
    }

    @Test
    void wrongTypedFieldIsMalformed() {
        stub.json(TE, 200, "{\"access_token\":\"a\",\"expires_in\":\"soon\"}");

        assertThatThrownBy(() -> client.exchange(form()))
                .isInstanceOfSatisfying(EsiaApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.MALFORMED_RESPONSE));
    }

    @Test
    void missingOptionalFieldsAreNull() throws Exception {
        stub.json(TE, 200, "{\"access_token\":\"a\"}");

        TokenResponse t = client.exchange(form());

        assertThat(t.idToken()).isNull();
        assertThat(t.refreshToken()).isNull();
        assertThat(t.state()).isNull();
        assertThat(t.expiresIn()).isNull();
    }

    @Test
    void slowAnswerTimesOut() {
        stub.answer(TE, 200, "application/json", OK, 6_000);

        EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> client.exchange(form()));

        assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.TIMEOUT);
        assertThat(e.httpStatus()).isZero();
    }

    @Test
    void closedPortIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        EsiaTokenClient closed = new EsiaTokenClient(new EsiaHttp(Duration.ofSeconds(2), Duration.ofMillis(300)),
                "http://127.0.0.1:" + port + TE);

        EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> closed.exchange(form()));

        assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.UNAVAILABLE);
    }

    /** 32 MB without a length: the client gives up at the limit instead of buffering all of it. */
    @Test
    void hugeTokenAnswerIsMalformedAndNotReadToTheEnd() throws Exception {
        long total = 32L << 20;
        try (HostileServer hostile = new HostileServer().huge(TE, 200, total, false)) {
            EsiaTokenClient huge = new EsiaTokenClient(new EsiaHttp(Duration.ofSeconds(2), Duration.ofSeconds(20)),
                    hostile.baseUrl() + TE);

            EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> huge.exchange(form()));

            assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.MALFORMED_RESPONSE);
            assertThat(e.getMessage()).contains("token").contains("larger than");
            assertThat(hostile.bytesWrittenWhenDone(TE)).isLessThan(total);
        }
    }

    @Test
    void hugeDeclaredErrorAnswerIsRefused() throws Exception {
        long total = 32L << 20;
        try (HostileServer hostile = new HostileServer().huge(TE, 400, total, true)) {
            EsiaTokenClient huge = new EsiaTokenClient(new EsiaHttp(Duration.ofSeconds(2), Duration.ofSeconds(20)),
                    hostile.baseUrl() + TE);

            EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> huge.exchange(form()));

            assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.MALFORMED_RESPONSE);
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(hostile.bytesWrittenWhenDone(TE)).isLessThan(total);
        }
    }

    /** Headers on time, then a byte every 50 ms: the read timeout bounds the whole answer, not only its headers. */
    @Test
    void tricklingAnswerTimesOut() throws Exception {
        try (HostileServer hostile = new HostileServer().trickle(TE, 200, 200, 50)) {
            EsiaTokenClient slow = new EsiaTokenClient(new EsiaHttp(Duration.ofSeconds(2), Duration.ofMillis(500)),
                    hostile.baseUrl() + TE);

            EsiaApiException e = catchThrowableOfType(EsiaApiException.class, () -> slow.exchange(form()));

            assertThat(e.kind()).isEqualTo(EsiaApiException.Kind.TIMEOUT);
            assertThat(hostile.bytesWrittenWhenDone(TE)).isLessThan(200);
        }
    }
}
