package ru.esiaedu.esia.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.esiaedu.esia.http.HostileServer;

class RemoteSigningServiceSignerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] DATA = "SCHOOL01openid2026.11.22 21:00:00 +0300state".getBytes(StandardCharsets.UTF_8);

    private final LocalKeySigner realKey = LocalKeySigner.fromPem(TestKeys.demoKeyPem(), TestKeys.demoCertPem());
    private final X509Certificate cert = Pem.certificates(TestKeys.demoCertPem()).get(0);

    private HttpServer server;
    private URI url;
    private volatile Function<Map<String, String>, Reply> handler;
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private final AtomicReference<Map<String, String>> lastRequest = new AtomicReference<>();

    record Reply(int status, String body, long delayMillis) {
        static Reply ok(String body) {
            return new Reply(200, body, 0);
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/sign", this::handle);
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sign");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @SuppressWarnings("unchecked")
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            Map<String, String> request = JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
            lastRequest.set(request);
            Reply reply = handler.apply(request);
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** A sidecar that really signs with the demo key; {@code reversed} = answers in CryptoPro byte order. */
    private Function<Map<String, String>, Reply> realService(boolean reversed, boolean standardBase64) {
        return request -> {
            try {
                byte[] data = Base64.getDecoder().decode(request.get("data"));
                String sig = request.get("format").equals("raw") ? realKey.signRaw(data) : realKey.signDetachedCms(data);
                byte[] bytes = Base64.getUrlDecoder().decode(sig);
                if (reversed && request.get("format").equals("raw")) {
                    bytes = reverse(bytes);
                }
                String encoded = standardBase64 ? Base64.getEncoder().encodeToString(bytes)
                        : Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                return Reply.ok("{\"signature\":\"" + encoded + "\"}");
            } catch (SigningException e) {
                return new Reply(500, "{}", 0);
            }
        };
    }

    private RemoteSigningServiceSigner signer(boolean reverse) {
        return RemoteSigningServiceSigner.builder(url, cert).connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofMillis(1500)).bearerToken("s3cret").reverse(reverse).build();
    }

    @Test
    void rawSignatureFromServiceIsReturnedAsUnpaddedBase64UrlAndVerifies() throws Exception {
        handler = realService(false, true);
        String sig = signer(false).signRaw(DATA);
        assertThat(sig).hasSize(86).matches("[A-Za-z0-9_-]{86}");
        assertThat(LocalKeySignerTest.verify(cert, DATA, Base64.getUrlDecoder().decode(sig))).isTrue();
        assertThat(lastRequest.get()).containsEntry("format", "raw")
                .containsEntry("data", Base64.getEncoder().encodeToString(DATA));
        assertThat(lastAuthorization.get()).isEqualTo("Bearer s3cret");
    }

    @Test
    void noAuthorizationHeaderWithoutToken() throws Exception {
        handler = realService(false, false);
        new RemoteSigningServiceSigner(url, cert, Duration.ofSeconds(2), Duration.ofSeconds(2), null).signRaw(DATA);
        assertThat(lastAuthorization.get()).isNull();
    }

    @Test
    void cmsFromServiceIsCheckedAndReturned() throws Exception {
        handler = realService(false, false);
        String cms = signer(false).signDetachedCms(DATA);
        assertThat(lastRequest.get()).containsEntry("format", "cms");
        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(DATA), Base64.getUrlDecoder().decode(cms));
        assertThat(signed.getSignerInfos().size()).isEqualTo(1);
    }

    @Test
    void reverseFlagTurnsCryptoProOrderIntoOpenSslOrder() throws Exception {
        handler = realService(true, false);
        String sig = signer(true).signRaw(DATA);
        assertThat(LocalKeySignerTest.verify(cert, DATA, Base64.getUrlDecoder().decode(sig))).isTrue();

        // the same service without the flag is caught, not passed on to ESIA
        assertThatThrownBy(() -> signer(false).signRaw(DATA)).isInstanceOf(SigningException.class)
                .hasMessageContaining("does not verify with the configured certificate").hasMessageContaining("reverse=false");
    }

    @Test
    void reverseFlagWithAnOpenSslOrderServiceIsCaught() {
        handler = realService(false, false);
        assertThatThrownBy(() -> signer(true).signRaw(DATA)).isInstanceOf(SigningException.class)
                .hasMessageContaining("reverse=true");
    }

    @Test
    void http500IsASigningException() {
        handler = r -> new Reply(500, "{\"error\":\"token expired\"}", 0);
        assertThatThrownBy(() -> signer(false).signRaw(DATA)).isInstanceOf(SigningException.class)
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void garbageIsASigningException() {
        handler = r -> Reply.ok("<html>oops</html>");
        assertThatThrownBy(() -> signer(false).signRaw(DATA)).isInstanceOf(SigningException.class)
                .hasMessageContaining("not JSON");
        handler = r -> Reply.ok("{\"sig\":\"AAAA\"}");
        assertThatThrownBy(() -> signer(false).signRaw(DATA)).isInstanceOf(SigningException.class)
                .hasMessageContaining("without a \"signature\"");
        handler = r -> Reply.ok("{\"signature\":\"%%%not base64%%%\"}");
        assertThatThrownBy(() -> signer(false).signRaw(DATA)).isInstanceOf(SigningException.class)
                .hasMessageContaining("not base64");
        handler = r -> Reply.ok("{\"signature\":\"AAECAwQF\"}");
        assertThatThrownBy(() -> signer(false).signDetachedCms(DATA)).isInstanceOf(SigningException.class)
                .hasMessageContaining("not CMS SignedData");
    }

    @Test
    void wrongLengthIsASigningException() {
        handler = r -> Reply.ok("{\"signature\":\"" + Base64.getEncoder().encodeToString(new byte[63]) + "\"}");
        assertThatThrownBy(() -> signer(false).signRaw(DATA)).isInstanceOf(SigningException.class)
                .hasMessageContaining("63 bytes");
        handler = r -> Reply.ok("{\"signature\":\"" + Base64.getEncoder().encodeToString(new byte[128]) + "\"}");
        assertThatThrownBy(() -> signer(false).signRaw(DATA)).isInstanceOf(SigningException.class)
                .hasMessageContaining("128 bytes");
    }

    @Test
    void randomSixtyFourBytesAreRejected() {
        handler = r -> Reply.ok("{\"signature\":\"" + Base64.getEncoder().encodeToString(new byte[64]) + "\"}");
        assertThatThrownBy(() -> signer(false).signRaw(DATA)).isInstanceOf(SigningException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void timeoutIsASigningException() {
        Function<Map<String, String>, Reply> real = realService(false, false);
        handler = r -> {
            Reply reply = real.apply(r);
            return new Reply(reply.status(), reply.body(), 6000);
        };
        assertThatThrownBy(() -> signer(false).signRaw(DATA)).isInstanceOf(SigningException.class)
                .hasMessageContaining("did not answer within 1500 ms");
    }

    @Test
    void hugeAnswerIsASigningExceptionAndNotReadToTheEnd() throws Exception {
        long total = 32L << 20;
        try (HostileServer hostile = new HostileServer().huge("/sign", 200, total, false)) {
            RemoteSigningServiceSigner s = RemoteSigningServiceSigner.builder(hostile.uri("/sign"), cert)
                    .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(20)).build();
            assertThatThrownBy(() -> s.signRaw(DATA)).isInstanceOf(SigningException.class)
                    .hasMessageContaining("larger than");
            assertThat(hostile.bytesWrittenWhenDone("/sign")).isLessThan(total);
        }
    }

    @Test
    void tricklingAnswerIsASigningException() throws Exception {
        try (HostileServer hostile = new HostileServer().trickle("/sign", 200, 200, 50)) {
            RemoteSigningServiceSigner s = RemoteSigningServiceSigner.builder(hostile.uri("/sign"), cert)
                    .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMillis(500)).build();
            assertThatThrownBy(() -> s.signRaw(DATA)).isInstanceOf(SigningException.class)
                    .hasMessageContaining("did not answer within 500 ms");
            assertThat(hostile.bytesWrittenWhenDone("/sign")).isLessThan(200);
        }
    }

    @Test
    void unreachableServiceIsASigningException() {
        int port = server.getAddress().getPort();
        server.stop(0);
        RemoteSigningServiceSigner s = new RemoteSigningServiceSigner(URI.create("http://127.0.0.1:" + port + "/sign"),
                cert, Duration.ofSeconds(1), Duration.ofSeconds(1), null);
        assertThatThrownBy(() -> s.signRaw(DATA)).isInstanceOf(SigningException.class)
                .hasMessageContaining("unreachable");
    }

    /** An outage is waited out by the person; a refusal or a wrong answer is a setting an operator must fix. */
    @Test
    void outagesAreToldApartFromMisconfiguration() {
        for (int status : new int[] {500, 502, 503, 504, 429}) {
            handler = r -> new Reply(status, "{}", 0);
            assertThatThrownBy(() -> signer(false).signRaw(DATA)).as("HTTP %d", status)
                    .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.serviceUnavailable()).isTrue());
        }
        for (int status : new int[] {400, 401, 403, 404}) {
            handler = r -> new Reply(status, "{}", 0);
            assertThatThrownBy(() -> signer(false).signRaw(DATA)).as("HTTP %d", status)
                    .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.serviceUnavailable()).isFalse());
        }
        handler = r -> new Reply(200, "{\"signature\":\"" + Base64.getEncoder().encodeToString(new byte[64]) + "\"}", 0);
        assertThatThrownBy(() -> signer(false).signRaw(DATA)).as("a signature that does not verify")
                .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.serviceUnavailable()).isFalse());
        handler = r -> new Reply(200, "{}", 3000);
        assertThatThrownBy(() -> signer(false).signRaw(DATA)).as("too slow")
                .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.serviceUnavailable()).isTrue());
    }

    @Test
    void anUnreachableServiceIsAnOutage() {
        int port = server.getAddress().getPort();
        server.stop(0);
        RemoteSigningServiceSigner s = new RemoteSigningServiceSigner(URI.create("http://127.0.0.1:" + port + "/sign"),
                cert, Duration.ofSeconds(1), Duration.ofSeconds(1), null);
        assertThatThrownBy(() -> s.signRaw(DATA))
                .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.serviceUnavailable()).isTrue());
    }

    @Test
    void messagesDoNotLeakDataOrToken() {
        handler = r -> new Reply(503, "{}", 0);
        assertThatThrownBy(() -> signer(false).signRaw(DATA)).isInstanceOf(SigningException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SCHOOL01", "s3cret",
                        Base64.getEncoder().encodeToString(DATA)));
    }

    @Test
    void certificateHashAndValidation() {
        assertThat(signer(false).certificateHash()).isEqualTo(TestKeys.DEMO_CERT_HASH);
        assertThatThrownBy(() -> new RemoteSigningServiceSigner(url, TestKeys.rsa("r").certificate(),
                Duration.ofSeconds(1), Duration.ofSeconds(1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GOST");
        assertThatThrownBy(() -> new RemoteSigningServiceSigner(URI.create("file:///tmp/x"), cert,
                Duration.ofSeconds(1), Duration.ofSeconds(1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)");
    }

    private static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }
}
