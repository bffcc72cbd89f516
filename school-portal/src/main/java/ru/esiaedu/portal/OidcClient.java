package ru.esiaedu.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The portal's side of OpenID Connect with Keycloak: discovery (read lazily and kept once it worked, so the
 * portal may start before Keycloak), the authorization URL, the code exchange with the client secret and the
 * PKCE verifier, the ID token checks, and the RP-initiated logout URL.
 */
public final class OidcClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PortalOptions options;
    private final HttpClient http;
    private final Clock clock;
    private volatile Endpoints endpoints;
    private volatile IdTokenVerifier verifier;

    /** What discovery told us. */
    record Endpoints(String issuer, String authorization, String token, String jwks, String endSession) {
    }

    /** The result of a successful code exchange: the verified ID token claims and the raw ID token (for logout). */
    public record SignIn(JsonNode claims, String idToken) {
    }

    public OidcClient(PortalOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(options.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Reads the realm's discovery document once; throws {@link KeycloakUnavailableException} while Keycloak is down. */
    Endpoints endpoints() {
        Endpoints known = endpoints;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (endpoints == null) {
                JsonNode doc = getJson(options.realmUrl() + "/.well-known/openid-configuration");
                Endpoints found = new Endpoints(required(doc, "issuer"), required(doc, "authorization_endpoint"),
                        required(doc, "token_endpoint"), required(doc, "jwks_uri"), doc.path("end_session_endpoint").asText(null));
                Jwks jwks = new Jwks(() -> get(found.jwks()), clock);
                verifier = new IdTokenVerifier(found.issuer(), options.clientId(), jwks, clock, Duration.ofSeconds(60));
                endpoints = found;
            }
            return endpoints;
        }
    }

    /**
     * The URL of Keycloak's authorization endpoint for this login: code flow, PKCE S256, state, nonce, and the
     * extra parameters (e.g. {@code role=parent} for the role picker, {@code kc_action=…}).
     */
    public String authorizationUrl(String redirectUri, String state, String nonce, String codeChallenge,
                                   Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", options.clientId());
        params.put("response_type", "code");
        params.put("scope", "openid profile email");
        params.put("redirect_uri", redirectUri);
        params.put("state", state);
        params.put("nonce", nonce);
        params.put("code_challenge", codeChallenge);
        params.put("code_challenge_method", "S256");
        params.putAll(extra);
        return endpoints().authorization() + "?" + query(params);
    }

    /** Swaps the code for tokens (client secret + PKCE verifier) and checks the ID token against the nonce. */
    public SignIn exchange(String code, String redirectUri, String codeVerifier, String nonce) throws InvalidTokenException {
        Endpoints e = endpoints();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        String basic = Base64.getEncoder().encodeToString((enc(options.clientId()) + ":" + enc(options.clientSecret()))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(e.token()))
                .timeout(options.httpTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(query(form))).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            JsonNode error = parseOrEmpty(response.body());
            throw new InvalidTokenException("the token endpoint refused the code: HTTP " + response.statusCode()
                    + " " + error.path("error").asText(""));
        }
        JsonNode tokens = parseOrEmpty(response.body());
        String idToken = tokens.path("id_token").asText(null);
        JsonNode claims = verifier.verify(idToken, nonce);
        return new SignIn(claims, idToken);
    }

    /** Keycloak's RP-initiated logout: back to {@code postLogoutRedirectUri} without a confirmation page. */
    public String logoutUrl(String idTokenHint, String postLogoutRedirectUri) {
        Endpoints e = endpoints();
        String endSession = e.endSession() != null ? e.endSession() : options.realmUrl() + "/protocol/openid-connect/logout";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", options.clientId());
        if (idTokenHint != null) {
            params.put("id_token_hint", idTokenHint);
        }
        params.put("post_logout_redirect_uri", postLogoutRedirectUri);
        return endSession + "?" + query(params);
    }

    private JsonNode getJson(String url) {
        JsonNode node = parseOrEmpty(get(url));
        if (node.isEmpty()) {
            throw new KeycloakUnavailableException("Keycloak answered no JSON at " + url);
        }
        return node;
    }

    private String get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(options.httpTimeout()).GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new KeycloakUnavailableException("Keycloak answered HTTP " + response.statusCode() + " at " + url);
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KeycloakUnavailableException("Keycloak is not reachable at " + options.keycloakUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakUnavailableException("interrupted while calling Keycloak");
        }
    }

    private static JsonNode parseOrEmpty(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String required(JsonNode doc, String field) {
        String value = doc.path(field).asText(null);
        if (value == null || value.isEmpty()) {
            throw new KeycloakUnavailableException("the discovery document has no " + field);
        }
        return value;
    }

    static String query(Map<String, String> params) {
        StringJoiner joiner = new StringJoiner("&");
        params.forEach((k, v) -> joiner.add(enc(k) + "=" + enc(v)));
        return joiner.toString();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Keycloak cannot be reached (yet): the pages say so instead of failing with a stack trace. */
    public static final class KeycloakUnavailableException extends UncheckedIOException {
        KeycloakUnavailableException(String message) {
            super(message, new IOException(message));
        }

        KeycloakUnavailableException(String message, IOException cause) {
            super(message, cause);
        }
    }
}
