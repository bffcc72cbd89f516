package ru.esiaedu.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The demo school portal: a confidential OpenID Connect client of the realm (code flow, PKCE S256, state and
 * nonce, ID token signature checked against the realm's keys) that shows who signed in, in which role and
 * organisation. Start it with {@link #start(PortalOptions)}, stop it with {@link #stop()}.
 *
 * <pre>
 * GET  /                   start page, or «Вы вошли как …» with the profile of this login and all profiles
 * GET  /login?role=…       to Keycloak (role=parent|student|staff skips «Войти с ролью»)
 * GET  /callback           back from Keycloak: code exchange, ID token checks, session cookie
 * POST /logout             RP-initiated logout at Keycloak (id_token_hint), back to /
 * GET  /consents           to Keycloak with kc_action=esia-consent-approval&amp;role=parent
 * GET  /feedback           «Форма обратной связи» (POST: a demo receipt, nothing is sent)
 * </pre>
 */
public final class SchoolPortalApp {

    private static final Logger LOG = Logger.getLogger(SchoolPortalApp.class.getName());
    static final String SESSION_COOKIE = "school_portal_session";
    static final String LOGIN_COOKIE = "school_portal_login";
    static final String CONSENT_ACTION = "esia-consent-approval";
    private static final Set<String> ROLES = Set.of("parent", "student", "staff");
    private static final int MAX_FORM_BYTES = 16 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final PortalOptions options;
    private final OidcClient oidc;
    private final SessionStore store;
    private final Pages pages;
    private final AtomicInteger feedbackNumbers = new AtomicInteger();
    private final boolean secureCookies;
    private final String csp;

    private SchoolPortalApp(HttpServer server, ExecutorService executor, String baseUrl, PortalOptions options, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.baseUrl = baseUrl;
        this.options = options;
        this.oidc = new OidcClient(options, clock);
        this.store = new SessionStore(clock, options.loginLifetime(), options.sessionLifetime());
        this.pages = new Pages(options.platformName(), options.realmUrl() + "/esia-help", options.demoHints());
        this.secureCookies = baseUrl.startsWith("https:");
        // No form-action: Chromium applies it to every redirect after the logout form, and that chain goes on to
        // Keycloak and from there to ESIA's logout, whose origin the portal does not know.
        this.csp = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";
    }

    /** Binds the port (0 = a free one) and serves; Keycloak is contacted only when someone signs in. */
    public static SchoolPortalApp start(PortalOptions options) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(options.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + options.port(), e);
        }
        String baseUrl = options.publicUrl() != null ? options.publicUrl() : "http://localhost:" + server.getAddress().getPort();
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "school-portal-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        SchoolPortalApp app = new SchoolPortalApp(server, executor, baseUrl, options, Clock.systemUTC());
        server.createContext("/", app::handle);
        server.setExecutor(executor);
        server.start();
        return app;
    }

    /** {@code http://localhost:<port>} (or the configured public URL), no trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The redirect URI registered for this portal at Keycloak. */
    public String redirectUri() {
        return baseUrl + "/callback";
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                switch (path) {
                    case "/" -> requireGet(exchange, method, () -> home(exchange));
                    case "/login" -> requireGet(exchange, method, () -> login(exchange, query(exchange).get("role"), null));
                    case "/consents" -> requireGet(exchange, method, () -> login(exchange, "parent", CONSENT_ACTION));
                    case "/callback" -> requireGet(exchange, method, () -> callback(exchange));
                    case "/logout" -> {
                        if ("POST".equals(method)) {
                            logout(exchange);
                        } else {
                            redirect(exchange, "/");
                        }
                    }
                    case "/feedback" -> {
                        if ("POST".equals(method)) {
                            feedbackPost(exchange);
                        } else {
                            html(exchange, 200, pages.feedback());
                        }
                    }
                    case "/static/portal.css" -> css(exchange);
                    case "/favicon.ico" -> send(exchange, 204, null, null);
                    default -> html(exchange, 404, pages.error("Страница не найдена", "Такой страницы на портале нет."));
                }
            } catch (OidcClient.KeycloakUnavailableException e) {
                LOG.warning("Keycloak unavailable: " + e.getMessage());
                html(exchange, 503, pages.error("Сервис входа недоступен",
                        "Keycloak не отвечает (возможно, ещё запускается). Обновите страницу через минуту."));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "request " + method + " " + path + " failed", e);
                html(exchange, 500, pages.error("Ошибка портала", "Что-то пошло не так. Попробуйте ещё раз."));
            }
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private static void requireGet(HttpExchange exchange, String method, Action action) throws IOException {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET");
            send(exchange, 405, null, null);
            return;
        }
        action.run();
    }

    private void home(HttpExchange exchange) throws IOException {
        Optional<SessionStore.PortalSession> session = store.find(cookies(exchange).get(SESSION_COOKIE));
        if (session.isPresent()) {
            html(exchange, 200, pages.signedIn(session.get().user(), session.get().csrf()));
        } else {
            html(exchange, 200, pages.signedOut(null));
        }
    }

    /** A new login: state, nonce and PKCE verifier kept server-side, bound to this browser by a cookie. */
    private void login(HttpExchange exchange, String role, String kcAction) throws IOException {
        String browser = cookies(exchange).get(LOGIN_COOKIE);
        if (browser == null || browser.length() < 32) {
            browser = Pkce.randomToken();
        }
        String state = Pkce.randomToken();
        String nonce = Pkce.randomToken();
        String verifier = Pkce.newVerifier();
        Map<String, String> extra = new LinkedHashMap<>();
        if (role != null && ROLES.contains(role)) {
            extra.put("role", role);
        }
        if (kcAction != null) {
            extra.put("kc_action", kcAction);
        }
        String url = oidc.authorizationUrl(redirectUri(), state, nonce, Pkce.challenge(verifier), extra);
        store.startLogin(state, browser, verifier, nonce);
        setCookie(exchange, LOGIN_COOKIE, browser, (int) options.loginLifetime().toSeconds());
        redirect(exchange, url);
    }

    private void callback(HttpExchange exchange) throws IOException {
        Map<String, String> params = query(exchange);
        Optional<SessionStore.PendingLogin> pending = store.finishLogin(params.get("state"));
        String browser = cookies(exchange).get(LOGIN_COOKIE);
        if (pending.isEmpty() || browser == null || !MessageDigest.isEqual(
                browser.getBytes(StandardCharsets.UTF_8), pending.get().browser().getBytes(StandardCharsets.UTF_8))) {
            html(exchange, 400, pages.error("Вход не выполнен",
                    "Ссылка входа устарела или открыта в другом браузере. Начните вход заново с главной страницы."));
            return;
        }
        String error = params.get("error");
        if (error != null) {
            html(exchange, 200, pages.error("Вход не выполнен", errorText(error)));
            return;
        }
        String code = params.get("code");
        if (code == null || code.isEmpty()) {
            html(exchange, 400, pages.error("Вход не выполнен", "Keycloak не передал код входа. Начните вход заново."));
            return;
        }
        OidcClient.SignIn signIn;
        try {
            signIn = oidc.exchange(code, redirectUri(), pending.get().codeVerifier(), pending.get().nonce());
        } catch (InvalidTokenException e) {
            LOG.warning("sign-in refused: " + e.getMessage());
            html(exchange, 400, pages.error("Вход не выполнен", "Ответ сервиса входа не прошёл проверку. Начните вход заново."));
            return;
        }
        String sessionId = store.open(SignedInUser.from(signIn.claims()), signIn.idToken());
        setCookie(exchange, SESSION_COOKIE, sessionId, -1);
        redirect(exchange, "/");
    }

    private void logout(HttpExchange exchange) throws IOException {
        String sessionId = cookies(exchange).get(SESSION_COOKIE);
        Optional<SessionStore.PortalSession> session = store.find(sessionId);
        Map<String, String> form = form(exchange);
        if (session.isEmpty()) {
            redirect(exchange, "/");
            return;
        }
        String csrf = form.getOrDefault("csrf", "");
        if (!MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), session.get().csrf().getBytes(StandardCharsets.UTF_8))) {
            html(exchange, 400, pages.error("Выход не выполнен", "Форма выхода устарела. Обновите страницу и нажмите «Выйти» ещё раз."));
            return;
        }
        store.close(sessionId);
        setCookie(exchange, SESSION_COOKIE, "", 0);
        redirect(exchange, oidc.logoutUrl(session.get().idToken(), baseUrl + "/"));
    }

    private void feedbackPost(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        List<String> problems = new ArrayList<>();
        if (form.getOrDefault("name", "").isBlank()) {
            problems.add("Укажите фамилию и имя.");
        }
        if (!form.getOrDefault("email", "").matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add("Укажите e-mail для ответа, например name@example.ru.");
        }
        if (form.getOrDefault("message", "").isBlank()) {
            problems.add("Напишите сообщение.");
        }
        html(exchange, problems.isEmpty() ? 200 : 400,
                pages.feedbackSent(problems.isEmpty() ? feedbackNumbers.incrementAndGet() : 0, problems));
    }

    static String errorText(String error) {
        return switch (error) {
            case "access_denied" -> "Вход отменён. Чтобы войти, начните заново и выберите роль.";
            case "login_required", "interaction_required" -> "Нужно войти заново.";
            case "temporarily_unavailable", "server_error" -> "Сервис входа временно недоступен. Попробуйте через несколько минут.";
            default -> "Сервис входа вернул ошибку «" + error + "». Начните вход заново.";
        };
    }

    private void css(HttpExchange exchange) throws IOException {
        try (InputStream in = SchoolPortalApp.class.getResourceAsStream("/portal/portal.css")) {
            if (in == null) {
                send(exchange, 404, null, null);
                return;
            }
            exchange.getResponseHeaders().set("Cache-Control", "public, max-age=300");
            send(exchange, 200, "text/css; charset=utf-8", in.readAllBytes());
        }
    }

    // ---- HTTP plumbing -------------------------------------------------------------------------------

    private void html(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Content-Security-Policy", csp);
        send(exchange, status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 303, null, null);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        if (body == null || head) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** HttpOnly, SameSite=Lax (the way back from Keycloak is a top-level GET), Secure over https. maxAge -1 = session. */
    private void setCookie(HttpExchange exchange, String name, String value, int maxAge) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAge >= 0) {
            cookie.append("; Max-Age=").append(maxAge);
        }
        if (secureCookies) {
            cookie.append("; Secure");
        }
        exchange.getResponseHeaders().add("Set-Cookie", cookie.toString());
    }

    static Map<String, String> cookies(HttpExchange exchange) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    result.putIfAbsent(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
        return result;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        return parse(exchange.getRequestURI().getRawQuery());
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            int read;
            while ((read = in.read(chunk)) != -1) {
                if (buffer.size() + read > MAX_FORM_BYTES) {
                    return Map.of();
                }
                buffer.write(chunk, 0, read);
            }
            return parse(buffer.toString(StandardCharsets.UTF_8));
        }
    }

    static Map<String, String> parse(String raw) {
        Map<String, String> result = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                result.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // malformed %-escape: ignore the pair
            }
        }
        return result;
    }
}
