package ru.esiaedu.e2e.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A school system calling the desk's JSON API ({@code /realms/{realm}/school-desk/api/…}) with its service account's
 * token (client credentials), as a school's own software would.
 */
public final class DeskApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String realmUrl;
    private final String token;

    private DeskApiClient(String realmUrl, String token) {
        this.realmUrl = realmUrl;
        this.token = token;
    }

    public static DeskApiClient serviceAccount(String keycloakUrl, String realm, String clientId, String secret) throws Exception {
        String realmUrl = keycloakUrl + "/realms/" + realm;
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token refused for " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        return new DeskApiClient(realmUrl, AdminApi.JSON.readTree(response.body()).path("access_token").asText());
    }

    /** Without a token (or with any string as one). */
    public static DeskApiClient withToken(String keycloakUrl, String realm, String token) {
        return new DeskApiClient(keycloakUrl + "/realms/" + realm, token);
    }

    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return AdminApi.JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    public Answer send(String method, String apiPath, String jsonBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realmUrl + "/school-desk/" + apiPath))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    public Answer get(String apiPath) throws Exception {
        return send("GET", apiPath, null);
    }
}
