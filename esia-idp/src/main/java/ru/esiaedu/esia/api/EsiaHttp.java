package ru.esiaedu.esia.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import org.jboss.logging.Logger;

import ru.esiaedu.esia.http.BoundedHttp;

/**
 * The one {@link HttpClient} used to talk to ESIA: HTTP/1.1, a connect timeout on the client, a
 * read timeout on every request, no redirects (a bearer token must never follow a redirect).
 * Answers are read with {@link BoundedHttp}: at most {@link #MAX_BODY_BYTES} of body, and the whole
 * answer (body included) within the connect plus the read timeout.
 *
 * <p>Logs only the endpoint kind, HTTP status and duration — never URLs (they carry the oid),
 * bodies or headers.
 */
public final class EsiaHttp {

    private static final Logger LOG = Logger.getLogger(EsiaHttp.class);

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);
    /**
     * The largest answer read from ESIA. A person with all contacts, documents and addresses, or a
     * family's kids collection, is a few kilobytes; a megabyte is far beyond any real answer.
     */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpClient client;
    private final Duration readTimeout;

    /** Default JVM trust store (fine for tests and the emulator). */
    public EsiaHttp(Duration connectTimeout, Duration readTimeout) {
        this(null, connectTimeout, readTimeout);
    }

    /**
     * @param sslContext trust for ESIA's Russian CA chain (e.g. from Keycloak's truststore); null
     *        for the JVM default
     */
    public EsiaHttp(SSLContext sslContext, Duration connectTimeout, Duration readTimeout) {
        this(newClient(sslContext, connectTimeout), readTimeout);
    }

    /**
     * A client as ESIA needs it: HTTP/1.1, no redirects, the connect timeout. A client owns a
     * selector thread and a connection pool, so build one per configuration and share it (it is
     * thread-safe), never one per login.
     *
     * @param sslContext null for the JVM default
     */
    public static HttpClient newClient(SSLContext sslContext, Duration connectTimeout) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(positive(connectTimeout, "connectTimeout"));
        if (sslContext != null) {
            b.sslContext(sslContext);
        }
        return b.build();
    }

    /** For callers that build their own client (proxy, custom TLS); it should not follow redirects. */
    public EsiaHttp(HttpClient client, Duration readTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.readTimeout = positive(readTimeout, "readTimeout");
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    HttpClient client() {
        return client;
    }

    /**
     * Sends the request with the read timeout applied and maps transport failures.
     *
     * @param endpointKind a non-identifying label for logs and messages, e.g. {@code "token"}
     * @throws EsiaApiException {@code TIMEOUT} or {@code UNAVAILABLE}; {@code MALFORMED_RESPONSE}
     *         for a body over {@link #MAX_BODY_BYTES}; HTTP statuses are not checked here
     */
    HttpResponse<String> send(HttpRequest.Builder request, String endpointKind) throws EsiaApiException {
        HttpRequest req = request.timeout(readTimeout).version(HttpClient.Version.HTTP_1_1).build();
        Duration deadline = readTimeout.plus(client.connectTimeout().orElse(Duration.ZERO));
        long start = System.nanoTime();
        try {
            HttpResponse<String> resp = BoundedHttp.send(client, req, BoundedHttp.string(MAX_BODY_BYTES), deadline);
            LOG.debugf("ESIA %s: HTTP %d in %d ms", endpointKind, resp.statusCode(), millisSince(start));
            return resp;
        } catch (BoundedHttp.BodyTooLargeException e) {
            LOG.warnf("ESIA %s: HTTP %d with a body over %d bytes, not read further", endpointKind, e.statusCode(),
                    MAX_BODY_BYTES);
            throw new EsiaApiException(EsiaApiException.Kind.MALFORMED_RESPONSE, "ESIA " + endpointKind
                    + " answered HTTP " + e.statusCode() + " with a body larger than " + MAX_BODY_BYTES + " bytes",
                    e.statusCode(), null, null, e);
        } catch (HttpTimeoutException e) {
            // Also covers HttpConnectTimeoutException.
            LOG.warnf("ESIA %s: timed out after %d ms", endpointKind, millisSince(start));
            throw new EsiaApiException(EsiaApiException.Kind.TIMEOUT,
                    "ESIA " + endpointKind + " request timed out", e);
        } catch (ConnectException e) {
            LOG.warnf("ESIA %s: connection failed after %d ms", endpointKind, millisSince(start));
            throw new EsiaApiException(EsiaApiException.Kind.UNAVAILABLE,
                    "ESIA " + endpointKind + " endpoint is unreachable", e);
        } catch (IOException e) {
            LOG.warnf("ESIA %s: I/O failure (%s) after %d ms", endpointKind, e.getClass().getSimpleName(),
                    millisSince(start));
            throw new EsiaApiException(EsiaApiException.Kind.UNAVAILABLE,
                    "ESIA " + endpointKind + " request failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EsiaApiException(EsiaApiException.Kind.UNAVAILABLE,
                    "ESIA " + endpointKind + " request was interrupted", e);
        }
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }
}
