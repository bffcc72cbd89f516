package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OIDC mode under {@code /oidc}: a plain OpenID Connect provider (discovery, authorization code flow, RS256
 * tokens, userinfo, JWKS) serving the persons of persons.json on the same server as the ESIA endpoints, so that
 * Keycloak's own OIDC identity provider can log the same people in at the same upstream cost.
 */
final class OidcHandler implements HttpHandler {
    static final String PREFIX = "/oidc";
    static final String DISCOVERY_PATH = PREFIX + "/.well-known/openid-configuration";
    static final String AUTHORIZE_PATH = PREFIX + "/authorize";
    static final String LOGIN_PATH = PREFIX + "/login";
    static final String CONSENT_PATH = PREFIX + "/login/consent";
    static final String TOKEN_PATH = PREFIX + "/token";
    static final String USERINFO_PATH = PREFIX + "/userinfo";
    static final String JWKS_PATH = PREFIX + "/jwks";

    private static final System.Logger LOG = System.getLogger(OidcHandler.class.getName());
    private static final List<String> SCOPES = List.of("openid", "profile", "email", "phone");

    private final ClientRegistry clients;
    private final PersonDirectory persons;
    private final OidcTokens tokens;
    private final OidcGrants grants;
    private final OidcPages pages;
    private final byte[] clientSecret;
    private final String baseUrl;
    private final RequestLog log;
    private final Clock clock;

    OidcHandler(ClientRegistry clients, PersonDirectory persons, OidcTokens tokens, OidcGrants grants, OidcPages pages,
                String clientSecret, String baseUrl, RequestLog log, Clock clock) {
        this.clients = clients;
        this.persons = persons;
        this.tokens = tokens;
        this.grants = grants;
        this.pages = pages;
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.baseUrl = baseUrl;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            Request r;
            try {
                r = Request.read(ex);
            } catch (IllegalArgumentException e) {
                Responses.send(ex, 400, "text/plain;charset=UTF-8", "malformed request");
                return;
            }
            Map<String, String> params = new LinkedHashMap<>(r.query.firstValuesWithout("password", "client_secret"));
            params.putAll(r.form.firstValuesWithout("password", "client_secret"));
            log.add(new RecordedRequest(r.method, r.path, Map.copyOf(params), clock.instant()));
            dispatch(r);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "client went away: {0}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "internal error on " + ex.getRequestURI().getPath(), e);
            try {
                Responses.json(ex, 500, error("server_error", "internal error"));
            } catch (IOException | RuntimeException ignored) {
                // headers may already be out
            }
        } finally {
            ex.close();
        }
    }

    private void dispatch(Request r) throws IOException {
        String p = r.path;
        String m = r.method;
        if (p.equals(DISCOVERY_PATH) && m.equals("GET")) {
            Responses.json(r.exchange, 200, discovery());
        } else if (p.equals(JWKS_PATH) && m.equals("GET")) {
            Responses.json(r.exchange, 200, tokens.jwks());
        } else if (p.equals(AUTHORIZE_PATH) && m.equals("GET")) {
            authorize(r);
        } else if (p.equals(LOGIN_PATH) && m.equals("POST")) {
            login(r);
        } else if (p.equals(CONSENT_PATH) && m.equals("POST")) {
            consent(r);
        } else if (p.equals(TOKEN_PATH) && m.equals("POST")) {
            token(r);
        } else if (p.equals(USERINFO_PATH) && (m.equals("GET") || m.equals("POST"))) {
            userinfo(r);
        } else {
            Responses.json(r.exchange, 404, error("not_found", p));
        }
    }

    private ObjectNode discovery() {
        String issuer = tokens.issuer();
        ObjectNode d = Json.object();
        d.put("issuer", issuer);
        d.put("authorization_endpoint", baseUrl + AUTHORIZE_PATH);
        d.put("token_endpoint", baseUrl + TOKEN_PATH);
        d.put("userinfo_endpoint", baseUrl + USERINFO_PATH);
        d.put("jwks_uri", baseUrl + JWKS_PATH);
        array(d, "response_types_supported", "code");
        array(d, "grant_types_supported", "authorization_code");
        array(d, "subject_types_supported", "public");
        array(d, "id_token_signing_alg_values_supported", EmulatorOptions.RS256);
        array(d, "token_endpoint_auth_methods_supported", "client_secret_post", "client_secret_basic");
        array(d, "scopes_supported", SCOPES.toArray(String[]::new));
        array(d, "claims_supported", "sub", "name", "family_name", "given_name", "middle_name", "birthdate", "gender",
                "preferred_username", "email", "email_verified", "phone_number", "phone_number_verified");
        return d;
    }

    /**
     * Unknown client or a redirect URI the client did not register: an error page (never a redirect). Other errors go
     * back to the client. A {@code login_hint} naming a person's oid logs that person in at once; otherwise the login
     * page (password or one click).
     */
    private void authorize(Request r) throws IOException {
        Params q = r.query;
        Optional<RegisteredClient> client = clients.find(q.get("client_id"));
        if (client.isEmpty()) {
            Responses.html(r.exchange, 400, pages.error("Неизвестная система: client_id не зарегистрирован."));
            return;
        }
        String redirectUri = q.get("redirect_uri");
        if (redirectUri == null || !client.get().redirectAllowed(redirectUri)) {
            Responses.html(r.exchange, 400, pages.error("Адрес возврата redirect_uri не разрешён для этой системы."));
            return;
        }
        String state = q.get("state");
        if (q.firstRepeated() != null) {
            redirectError(r, redirectUri, state, "invalid_request", "repeated parameter " + q.firstRepeated());
            return;
        }
        if (!"code".equals(q.get("response_type"))) {
            redirectError(r, redirectUri, state, "unsupported_response_type", "only response_type=code");
            return;
        }
        List<String> scopes = Arrays.stream(q.getOrEmpty("scope").split(" "))
                .filter(s -> !s.isEmpty()).distinct().toList();
        if (!scopes.contains("openid") || !SCOPES.containsAll(scopes)) {
            redirectError(r, redirectUri, state, "invalid_scope", "scope must hold openid and only " + SCOPES);
            return;
        }
        OidcGrants.Pending pending = grants.waitForLogin(
                new OidcGrants.Authorization(client.get(), redirectUri, scopes, state, q.get("nonce")));
        Optional<Person> hinted = oid(q.get("login_hint")).flatMap(persons::find).filter(x -> !x.deleted());
        if (hinted.isPresent()) {
            afterLogin(r.exchange, grants.loggedIn(pending, hinted.get().oid()), hinted.get());
        } else {
            Responses.html(r.exchange, 200, pages.login(pending, null));
        }
    }

    private void login(Request r) throws IOException {
        Optional<OidcGrants.Pending> found = grants.pending(r.form.get("pending"));
        if (found.isEmpty()) {
            expired(r);
            return;
        }
        OidcGrants.Pending p = found.get();
        if ("cancel".equals(r.form.get("action"))) {
            fail(r.exchange, p, "access_denied", "the user cancelled the login");
            return;
        }
        String quick = r.form.get("quick");
        Optional<Person> person = quick != null && !quick.isEmpty()
                ? oid(quick).flatMap(persons::find)
                : persons.findByLogin(r.form.get("login")).filter(x -> x.password().equals(r.form.getOrEmpty("password")));
        if (person.isEmpty()) {
            Responses.html(r.exchange, 200, pages.login(p, "Неверный логин или пароль"));
        } else if (person.get().deleted()) {
            Responses.html(r.exchange, 200, pages.login(p, "Учётная запись удалена"));
        } else {
            afterLogin(r.exchange, grants.loggedIn(p, person.get().oid()), person.get());
        }
    }

    /** As ESIA: a person is asked once per client system to let it see their data. */
    private void afterLogin(HttpExchange ex, OidcGrants.Pending p, Person person) throws IOException {
        if (!grants.hasGrantedAccess(p.authorization().client().clientId(), person.oid())) {
            Responses.html(ex, 200, pages.access(p, person));
            return;
        }
        complete(ex, p, person);
    }

    private void consent(Request r) throws IOException {
        Optional<OidcGrants.Pending> found = grants.pending(r.form.get("pending")).filter(x -> x.oid() != null);
        Optional<Person> person = found.flatMap(x -> persons.find(x.oid()));
        if (person.isEmpty()) {
            expired(r);
            return;
        }
        if (!"grant".equals(r.form.get("decision"))) {
            fail(r.exchange, found.get(), "access_denied", "the user refused access");
            return;
        }
        grants.grantAccess(found.get().authorization().client().clientId(), person.get().oid());
        complete(r.exchange, found.get(), person.get());
    }

    private void complete(HttpExchange ex, OidcGrants.Pending p, Person person) throws IOException {
        grants.done(p);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", grants.issueCode(p.authorization(), person.oid()));
        params.put("state", p.authorization().state());
        Responses.redirect(ex, Responses.withParams(p.authorization().redirectUri(), params));
    }

    private void fail(HttpExchange ex, OidcGrants.Pending p, String error, String description) throws IOException {
        grants.done(p);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", p.authorization().state());
        Responses.redirect(ex, Responses.withParams(p.authorization().redirectUri(), params));
    }

    private void token(Request r) throws IOException {
        Params f = r.form;
        String[] basic = basicCredentials(r.header("Authorization"));
        String clientId = basic != null ? basic[0] : f.get("client_id");
        String secret = basic != null ? basic[1] : f.get("client_secret");
        Optional<RegisteredClient> client = clients.find(clientId);
        if (client.isEmpty() || secret == null
                || !MessageDigest.isEqual(clientSecret, secret.getBytes(StandardCharsets.UTF_8))) {
            r.exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"oidc\"");
            Responses.json(r.exchange, 401, error("invalid_client", "unknown client or wrong secret"));
            return;
        }
        if (!"authorization_code".equals(f.get("grant_type"))) {
            Responses.json(r.exchange, 400, error("unsupported_grant_type", "only authorization_code"));
            return;
        }
        Optional<OidcGrants.Code> code = grants.consumeCode(f.get("code"));
        if (code.isEmpty() || !code.get().authorization().client().clientId().equals(clientId)) {
            Responses.json(r.exchange, 400, error("invalid_grant", "code unknown, used, expired or of another client"));
            return;
        }
        if (!code.get().authorization().redirectUri().equals(f.get("redirect_uri"))) {
            Responses.json(r.exchange, 400, error("invalid_grant", "redirect_uri differs from the authorization request's"));
            return;
        }
        Optional<Person> person = persons.find(code.get().oid()).filter(x -> !x.deleted());
        if (person.isEmpty()) {
            Responses.json(r.exchange, 400, error("invalid_grant", "the account is gone"));
            return;
        }
        r.exchange.getResponseHeaders().set("Cache-Control", "no-store");
        Responses.json(r.exchange, 200, tokens.response(code.get(), person.get()));
    }

    private void userinfo(Request r) throws IOException {
        String auth = r.header("Authorization");
        String bearer = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
        Optional<JsonNode> token = tokens.verifyAccessToken(bearer);
        Optional<Person> person = token.flatMap(t -> oid(t.path("sub").asText())).flatMap(persons::find)
                .filter(x -> !x.deleted());
        if (person.isEmpty()) {
            r.exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Responses.json(r.exchange, 401, error("invalid_token", "not an access token of this provider"));
            return;
        }
        List<String> scopes = Arrays.asList(token.get().path("scope").asText().split(" "));
        Responses.json(r.exchange, 200, OidcClaims.of(person.get(), scopes));
    }

    private void redirectError(Request r, String redirectUri, String state, String error, String description)
            throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", state);
        Responses.redirect(r.exchange, Responses.withParams(redirectUri, params));
    }

    private void expired(Request r) throws IOException {
        Responses.html(r.exchange, 400, pages.error(
                "Запрос на вход не найден или устарел. Вернитесь на сайт и начните вход заново."));
    }

    /** {@code Authorization: Basic base64(id:secret)} with both parts form-decoded (RFC 6749 2.3.1), else null. */
    private static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[] {
                    java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<Long> oid(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ObjectNode error(String error, String description) {
        ObjectNode e = Json.object();
        e.put("error", error);
        e.put("error_description", description);
        return e;
    }

    private static void array(ObjectNode node, String field, String... values) {
        ArrayNode a = node.putArray(field);
        for (String v : values) {
            a.add(v);
        }
    }
}
