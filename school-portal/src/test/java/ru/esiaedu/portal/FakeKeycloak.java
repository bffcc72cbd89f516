package ru.esiaedu.portal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OpenID provider playing Keycloak's realm {@code school}: discovery, an authorization endpoint that
 * signs the person in at once, a token endpoint that checks the client secret, the redirect URI and the PKCE
 * verifier, the JWK Set, and RP-initiated logout.
 */
final class FakeKeycloak implements AutoCloseable {

    record Authorization(Map<String, String> params) {
    }

    final HttpServer server;
    final TestTokens keys = new TestTokens("realm-key");
    final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> logouts = new CopyOnWriteArrayList<>();
    final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    volatile UnaryOperator<ObjectNode> tamper = UnaryOperator.identity();
    volatile ObjectNode person = TestTokens.JSON.createObjectNode();

    FakeKeycloak() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    String issuer() {
        return baseUrl() + "/realms/school";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String realm = "/realms/school";
            switch (path.startsWith(realm) ? path.substring(realm.length()) : path) {
                case "/.well-known/openid-configuration" -> json(exchange, 200, TestTokens.JSON.createObjectNode()
                        .put("issuer", issuer())
                        .put("authorization_endpoint", issuer() + "/protocol/openid-connect/auth")
                        .put("token_endpoint", issuer() + "/protocol/openid-connect/token")
                        .put("jwks_uri", issuer() + "/protocol/openid-connect/certs")
                        .put("end_session_endpoint", issuer() + "/protocol/openid-connect/logout").toString());
                case "/protocol/openid-connect/certs" -> json(exchange, 200, keys.jwks());
                case "/protocol/openid-connect/auth" -> {
                    Map<String, String> params = SchoolPortalApp.parse(exchange.getRequestURI().getRawQuery());
                    authorizations.add(params);
                    String code = Pkce.randomToken();
                    codes.put(code, params);
                    redirect(exchange, params.get("redirect_uri") + "?state=" + OidcClient.enc(params.get("state"))
                            + "&session_state=x&code=" + code);
                }
                case "/protocol/openid-connect/token" -> token(exchange);
                case "/protocol/openid-connect/logout" -> {
                    Map<String, String> params = SchoolPortalApp.parse(exchange.getRequestURI().getRawQuery());
                    logouts.add(params);
                    redirect(exchange, params.get("post_logout_redirect_uri"));
                }
                default -> json(exchange, 404, "{}");
            }
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = SchoolPortalApp.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString("school-portal:school-portal-demo-secret".getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(basic)) {
            json(exchange, 401, "{\"error\":\"unauthorized_client\"}");
            return;
        }
        Map<String, String> authorization = codes.remove(form.getOrDefault("code", ""));
        if (authorization == null || !"authorization_code".equals(form.get("grant_type"))
                || !authorization.get("redirect_uri").equals(form.get("redirect_uri"))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        if (!"S256".equals(authorization.get("code_challenge_method"))
                || !Pkce.challenge(form.getOrDefault("code_verifier", "")).equals(authorization.get("code_challenge"))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}");
            return;
        }
        Instant now = Instant.now();
        ObjectNode claims = person.deepCopy().put("iss", issuer()).put("aud", "school-portal").put("azp", "school-portal")
                .put("typ", "ID").put("sub", "user-1").put("iat", now.getEpochSecond()).put("exp", now.plusSeconds(300).getEpochSecond())
                .put("nonce", authorization.get("nonce"));
        String idToken = keys.sign(tamper.apply(claims));
        json(exchange, 200, TestTokens.JSON.createObjectNode().put("access_token", "opaque").put("token_type", "Bearer")
                .put("id_token", idToken).toString());
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
