package ru.esiaedu.e2e.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Keycloak's admin REST API over java.net.http + Jackson. No admin-client library: its version
 * would have to track the server's, and tests only need a handful of calls. Paths are relative to
 * the server root, e.g. {@code /admin/realms/school/users}.
 */
public final class AdminApi {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String realm;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private String accessToken;
    private Instant tokenExpires = Instant.EPOCH;

    /** A response whatever its status, for tests that assert on errors. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.missingNode() : readTree(body);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public AdminApi(String baseUrl, String username, String password) {
        this(baseUrl, "master", username, password);
    }

    private AdminApi(String baseUrl, String realm, String username, String password) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.username = username;
        this.password = password;
    }

    /**
     * Creates a user of {@code realm} who holds exactly the given realm-management roles (e.g.
     * {@code view-identity-providers}) and returns the admin API as that user: for asserting what a limited
     * admin must not see or do.
     */
    public AdminApi limitedAdmin(String realm, String username, String... realmManagementRoles) {
        String password = "Limited-" + java.util.UUID.randomUUID();
        String users = "/admin/realms/" + encode(realm) + "/users";
        String location = post(users, java.util.Map.of("username", username, "enabled", true,
                "firstName", "Ограниченный", "lastName", "Администратор", "email", username + "@example.ru",
                "emailVerified", true, "credentials",
                java.util.List.of(java.util.Map.of("type", "password", "value", password, "temporary", false))));
        String userId = location.substring(location.lastIndexOf('/') + 1);
        String clients = "/admin/realms/" + encode(realm) + "/clients";
        String clientId = get(clients + "?clientId=realm-management").get(0).path("id").asText();
        java.util.List<JsonNode> roles = new java.util.ArrayList<>();
        for (String role : realmManagementRoles) {
            roles.add(get(clients + "/" + clientId + "/roles/" + encode(role)));
        }
        if (!roles.isEmpty()) {
            post(users + "/" + userId + "/role-mappings/clients/" + clientId, roles);
        }
        return new AdminApi(baseUrl, realm, username, password);
    }

    // ---- realms, users, events --------------------------------------------------------------

    /** Replaces the realm in the JSON (DELETE if present, then POST) and returns its name. */
    public String importRealm(String realmJson) {
        String realm = readTree(realmJson).path("realm").asText();
        if (realm.isEmpty()) {
            throw new IllegalArgumentException("realm JSON has no \"realm\" name");
        }
        Response existing = send("DELETE", "/admin/realms/" + encode(realm), null);
        if (!existing.ok() && existing.status() != 404) {
            throw failure("DELETE", "/admin/realms/" + realm, existing);
        }
        post("/admin/realms", realmJson);
        return realm;
    }

    /** GET /admin/realms/{realm}/users?search=… (brief representations). */
    public JsonNode users(String realm, String search) {
        return get("/admin/realms/" + encode(realm) + "/users?max=1000&search=" + encode(search));
    }

    public JsonNode user(String realm, String userId) {
        return get("/admin/realms/" + encode(realm) + "/users/" + encode(userId));
    }

    public JsonNode federatedIdentities(String realm, String userId) {
        return get("/admin/realms/" + encode(realm) + "/users/" + encode(userId) + "/federated-identity");
    }

    public int userCount(String realm) {
        return get("/admin/realms/" + encode(realm) + "/users/count").asInt();
    }

    /** Stored user events of one type (e.g. LOGIN, IDENTITY_PROVIDER_FIRST_LOGIN); needs eventsEnabled. */
    public JsonNode events(String realm, String type) {
        return get("/admin/realms/" + encode(realm) + "/events?max=1000&type=" + encode(type));
    }

    public JsonNode serverInfo() {
        return get("/admin/serverinfo");
    }

    public JsonNode identityProvider(String realm, String alias) {
        return get(identityProviderPath(realm, alias));
    }

    public void updateIdentityProvider(String realm, String alias, Object representation) {
        put(identityProviderPath(realm, alias), representation);
    }

    private static String identityProviderPath(String realm, String alias) {
        return "/admin/realms/" + encode(realm) + "/identity-provider/instances/" + encode(alias);
    }

    // ---- generic calls: fail on non-2xx ----------------------------------------------------

    public JsonNode get(String path) {
        return expectOk("GET", path, null).json();
    }

    /** Body: a JSON string as is, anything else serialized by Jackson. */
    public JsonNode put(String path, Object body) {
        return expectOk("PUT", path, body).json();
    }

    /** Returns the Location header (created resources) or null. */
    public String post(String path, Object body) {
        return expectOk("POST", path, body).raw().headers().firstValue("Location").orElse(null);
    }

    public void delete(String path) {
        expectOk("DELETE", path, null);
    }

    /** Any method, any status: for asserting on refusals. */
    public Response send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = execute(request.build());
        return new Response(response.statusCode(), response.body(), response);
    }

    private Response expectOk(String method, String path, Object body) {
        Response response = send(method, path, body);
        if (!response.ok()) {
            throw failure(method, path, response);
        }
        return response;
    }

    private static IllegalStateException failure(String method, String path, Response response) {
        return new IllegalStateException(method + " " + path + " -> " + response.status() + ": " + response.body());
    }

    // ---- token: master realm, admin-cli, password grant; renewed shortly before expiry ------

    private synchronized String token() {
        if (accessToken == null || Instant.now().isAfter(tokenExpires.minusSeconds(10))) {
            String form = "grant_type=password&client_id=admin-cli&username=" + encode(username)
                    + "&password=" + encode(password);
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + encode(realm) + "/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            Instant requested = Instant.now();
            HttpResponse<String> response = execute(request);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("admin token refused: " + response.statusCode() + " " + response.body());
            }
            JsonNode token = readTree(response.body());
            accessToken = token.path("access_token").asText();
            tokenExpires = requested.plusSeconds(token.path("expires_in").asLong(60));
        }
        return accessToken;
    }

    private HttpResponse<String> execute(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String toJson(Object body) {
        if (body instanceof String string) {
            return string;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + body.getClass(), e);
        }
    }

    static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
