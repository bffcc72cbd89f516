package ru.esiaedu.consent.esia;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.consent.source.ConsentRequestOutcome;
import ru.esiaedu.consent.source.ConsentState;
import ru.esiaedu.consent.source.ConsentStatus;
import ru.esiaedu.consent.source.Grantor;
import ru.esiaedu.esia.http.BoundedHttp;

/**
 * The two calls of ESIA's consent adapter (docs/esia-consent-adapter.md), with the student's access token of the
 * current login as Bearer. Keycloak-free: {@code java.net.http} and Jackson only. When a real ESIA contract is
 * published, this is the one class that changes.
 *
 * <p>Never follows redirects (a bearer token must not travel elsewhere) and never puts tokens, bodies or URLs into
 * exception messages.
 */
public final class EsiaConsentClient {

    public static final String STATUS_PATH = "/consent/v1/status";
    public static final String REQUESTS_PATH = "/consent/v1/requests";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(3000);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(10000);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The largest consent answer read; ESIA's answers are a few hundred bytes. */
    static final long MAX_ANSWER_BYTES = 64 * 1024;

    private final HttpClient client;
    private final Duration readTimeout;

    public EsiaConsentClient(Duration connectTimeout, Duration readTimeout) {
        this(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(positive(connectTimeout, "connectTimeout"))
                .build(), readTimeout);
    }

    /** For callers with their own client (proxy, TLS); it must not follow redirects. */
    public EsiaConsentClient(HttpClient client, Duration readTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.readTimeout = positive(readTimeout, "readTimeout");
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** {@code GET /consent/v1/status}: the consent of the token's subject for the token's client system. */
    public ConsentState status(String baseUrl, String accessToken) throws EsiaConsentException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(baseUrl, STATUS_PATH)).GET();
        HttpResponse<String> response = send(request, accessToken, "status");
        if (response.statusCode() != 200) {
            throw unexpected("status", response.statusCode());
        }
        JsonNode body = parse(response.body(), "status");
        ConsentStatus status = status(text(body, "status"));
        Grantor grantor = status == ConsentStatus.GRANTED ? grantor(text(body, "grantor")) : null;
        return new ConsentState(status, grantor, text(body, "requestId"));
    }

    /**
     * {@code POST /consent/v1/requests}: asks ESIA to send the request (ESIA decides who: the parents of a minor, the
     * adult student). While one is pending ESIA answers 200 with {@code created: false} and notifies nobody again.
     */
    public ConsentRequestOutcome request(String baseUrl, String accessToken, String purpose, String responsibleObject)
            throws EsiaConsentException {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("purpose", purpose == null ? "" : purpose);
        payload.put("responsibleObject", responsibleObject == null ? "" : responsibleObject);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(baseUrl, REQUESTS_PATH))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload.toString()));
        HttpResponse<String> response = send(request, accessToken, "request");
        int code = response.statusCode();
        if (code != 200 && code != 201) {
            throw unexpected("request", code);
        }
        JsonNode body = parse(response.body(), "request");
        String requestId = text(body, "requestId");
        if (requestId == null) {
            throw new EsiaConsentUnavailableException("ESIA consent request: answer has no requestId");
        }
        JsonNode created = body.get("created");
        if (created != null && !created.isBoolean()) {
            throw new EsiaConsentUnavailableException("ESIA consent request: 'created' is not a boolean");
        }
        JsonNode recipients = body.get("recipients");
        if (recipients != null && !recipients.isNull() && !recipients.canConvertToInt()) {
            throw new EsiaConsentUnavailableException("ESIA consent request: 'recipients' is not a number");
        }
        return new ConsentRequestOutcome(requestId,
                created == null ? code == 201 : created.booleanValue(),
                recipients == null || recipients.isNull() ? 0 : Math.max(0, recipients.intValue()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String accessToken, String kind)
            throws EsiaConsentException {
        if (accessToken == null || accessToken.isBlank()) {
            throw new EsiaConsentUnavailableException("ESIA consent " + kind + ": no access token of this login");
        }
        HttpRequest built = request
                .header("Authorization", "Bearer " + accessToken.strip())
                .header("Accept", "application/json")
                .timeout(readTimeout)
                .build();
        HttpResponse<String> response;
        try {
            // Bounded: a consent answer is a few hundred bytes; a huge or trickling body must not hold the login.
            response = BoundedHttp.send(client, built, BoundedHttp.string(MAX_ANSWER_BYTES), readTimeout);
        } catch (BoundedHttp.BodyTooLargeException e) {
            throw new EsiaConsentUnavailableException("ESIA consent " + kind + ": answer larger than "
                    + MAX_ANSWER_BYTES + " bytes", e);
        } catch (HttpTimeoutException e) {
            throw new EsiaConsentUnavailableException("ESIA consent " + kind + ": timed out", e);
        } catch (IOException e) {
            throw new EsiaConsentUnavailableException("ESIA consent " + kind + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EsiaConsentUnavailableException("ESIA consent " + kind + ": interrupted", e);
        }
        if (response.statusCode() == 401) {
            throw new EsiaConsentTokenRejectedException("ESIA consent " + kind + ": access token rejected (HTTP 401)");
        }
        return response;
    }

    private static URI uri(String baseUrl, String path) throws EsiaConsentUnavailableException {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new EsiaConsentUnavailableException("ESIA consent API: no ESIA base URL");
        }
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        try {
            URI uri = URI.create(base + path);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new EsiaConsentUnavailableException("ESIA consent API: base URL is not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new EsiaConsentUnavailableException("ESIA consent API: base URL is not a valid URL");
        }
    }

    private static EsiaConsentUnavailableException unexpected(String kind, int status) {
        return new EsiaConsentUnavailableException("ESIA consent " + kind + ": unexpected HTTP " + status);
    }

    private static JsonNode parse(String body, String kind) throws EsiaConsentUnavailableException {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            throw new EsiaConsentUnavailableException("ESIA consent " + kind + ": answer is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new EsiaConsentUnavailableException("ESIA consent " + kind + ": answer is not a JSON object");
        }
        return node;
    }

    private static ConsentStatus status(String value) throws EsiaConsentUnavailableException {
        if (value == null) {
            throw new EsiaConsentUnavailableException("ESIA consent status: answer has no status");
        }
        try {
            return ConsentStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new EsiaConsentUnavailableException("ESIA consent status: unknown status value");
        }
    }

    /** Informational only: an unknown value is "not said", not an outage. */
    private static Grantor grantor(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Grantor.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return duration;
    }
}
