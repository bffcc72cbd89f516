package ru.esiaedu.e2e.support;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plays the school portal (the realm's confidential client {@code school-portal}, PKCE S256): builds
 * the login URL a portal sends families to and swaps the returned code for tokens.
 */
public final class SchoolPortal {

    public static final String CLIENT_ID = "school-portal";
    public static final String CLIENT_SECRET = "school-portal-demo-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String realmUrl;
    private final String redirectUri;
    private final String codeVerifier;

    public SchoolPortal(String keycloakUrl, String realm) {
        this.realmUrl = keycloakUrl + "/realms/" + realm;
        // Any page under Keycloak's origin is a registered redirect; this one is static and cheap.
        this.redirectUri = realmUrl + "/.well-known/openid-configuration";
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.codeVerifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private SchoolPortal(String realmUrl, String redirectUri, String codeVerifier) {
        this.realmUrl = realmUrl;
        this.redirectUri = redirectUri;
        this.codeVerifier = codeVerifier;
    }

    /**
     * This portal (its redirect URI and PKCE verifier) reaching Keycloak through another node of the cluster, as a
     * load balancer would send it.
     */
    public SchoolPortal throughNode(String nodeUrl, String realm) {
        return new SchoolPortal(nodeUrl + "/realms/" + realm, redirectUri, codeVerifier);
    }

    public String loginUrl(String state) {
        return loginUrl(state, "openid");
    }

    /** The login URL asking for these scopes (space separated), e.g. {@code openid offline_access}. */
    public String loginUrl(String state, String scope) {
        return realmUrl + "/protocol/openid-connect/auth?client_id=" + CLIENT_ID
                + "&response_type=code&scope=" + enc(scope) + "&state=" + state
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge() + "&code_challenge_method=S256";
    }

    public boolean isRedirectBack(String url) {
        return url.startsWith(redirectUri) && url.contains("code=");
    }

    public String logoutUrl() {
        return realmUrl + "/protocol/openid-connect/logout?client_id=" + CLIENT_ID
                + "&post_logout_redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
    }

    /** The token response for the code in the portal's redirect URL. */
    public JsonNode tokens(String redirectedUrl) throws Exception {
        String code = queryParam(redirectedUrl, "code");
        String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(redirectUri)
                + "&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET + "&code_verifier=" + codeVerifier;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The token endpoint's answer to a refresh-token grant: 200 with new tokens, or 400 {@code invalid_grant}. */
    public record Refreshed(int status, JsonNode body) {
    }

    /** A refresh-token grant as the portal's back end sends it (refresh or offline token alike). */
    public Refreshed refresh(String refreshToken) throws Exception {
        String form = "grant_type=refresh_token&refresh_token=" + enc(refreshToken) + "&client_id=" + CLIENT_ID
                + "&client_secret=" + CLIENT_SECRET;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return new Refreshed(response.statusCode(), JSON.readTree(response.body()));
    }

    /** Payload of a JWT, without checking the signature (Keycloak issued it to us over a direct call). */
    public static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    public static String queryParam(String url, String name) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params.get(name);
    }

    private String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
