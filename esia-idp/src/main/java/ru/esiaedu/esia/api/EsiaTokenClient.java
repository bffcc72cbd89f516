package ru.esiaedu.esia.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Calls ESIA's token endpoint ({@code /aas/oauth2/v3/te}). Builds no parameters itself: the caller
 * passes the complete, already signed form ({@code client_id, code, grant_type, client_secret,
 * state, redirect_uri, scope, scope_org, timestamp, token_type, client_certificate_hash}).
 *
 * <p>The form is encoded strictly per RFC 3986 ({@code +} → {@code %2B}, space → {@code %20}).
 * Error mapping: 2xx → {@link TokenResponse}; 5xx/429 → UNAVAILABLE; a 4xx with an OAuth error JSON
 * → ESIA_ERROR with {@link EsiaApiException#esiaCode()} from {@code error_description}; other 4xx
 * → UNAUTHORIZED (401), FORBIDDEN (403) or ESIA_ERROR; a 2xx that is not a token JSON →
 * MALFORMED_RESPONSE.
 */
public final class EsiaTokenClient {

    static final String KIND = "token";

    private final EsiaHttp http;
    private final URI tokenUri;

    public EsiaTokenClient(EsiaHttp http, String tokenUrl) {
        this.http = Objects.requireNonNull(http, "http");
        this.tokenUri = URI.create(Objects.requireNonNull(tokenUrl, "tokenUrl"));
    }

    public TokenResponse exchange(Map<String, String> formParams) throws EsiaApiException {
        Objects.requireNonNull(formParams, "formParams");
        String body = FormEncoding.form(formParams);
        HttpRequest.Builder req = HttpRequest.newBuilder(tokenUri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> resp = http.send(req, KIND);
        if (!EsiaJson.isSuccess(resp.statusCode())) {
            throw EsiaJson.errorFor(resp, KIND, true);
        }
        return TokenResponse.parse(resp.body());
    }
}
