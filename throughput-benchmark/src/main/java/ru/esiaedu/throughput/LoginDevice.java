package ru.esiaedu.throughput;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.esiaedu.testsupport.CookieJar;

/**
 * One whole login over plain HTTP, as a fresh browser does it: the portal's authorization request at Keycloak with
 * the identity provider named ({@code kc_idp_hint}) and the role given, the emulator's login page, one click on the
 * person, the access page when asked, back through Keycloak's broker endpoint to the portal's redirect URI, then the
 * portal's code exchange. Its own cookie jar; the HTTP client (connection pool) is the caller's, as a load balancer's
 * would be shared. Cookies are kept by host, not port, as the end-to-end tests' HTTP login keeps them
 * ({@link CookieJar}).
 */
final class LoginDevice {
    private static final Pattern PENDING = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"");
    private static final Pattern PROFILE_PICKER =
            Pattern.compile("<form id=\"esia-profile-form\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern FIRST_PROFILE = Pattern.compile("name=\"profile\" value=\"([^\"]+)\"");
    private static final Pattern TITLE = Pattern.compile("(?s)<title>(.*?)</title>");
    private static final int MAX_REDIRECTS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Which emulator paths a login at this identity provider posts to. */
    record Upstream(String loginPath, String consentPath) {
        static final Upstream ESIA = new Upstream("/login", "/login/consent");
        static final Upstream OIDC = new Upstream("/oidc/login", "/oidc/login/consent");
    }

    /** How a login ended: in (a token for the portal) or where it stopped. */
    record Result(boolean ok, String failure) {
        static final Result OK = new Result(true, null);

        static Result failed(String why) {
            return new Result(false, why);
        }
    }

    private final HttpClient http;
    private final String emulatorUrl;
    private final CookieJar cookies = new CookieJar();

    LoginDevice(HttpClient http, String emulatorUrl) {
        this.http = http;
        this.emulatorUrl = emulatorUrl;
    }

    static HttpClient sharedClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    Result signIn(String keycloakUrl, String idpAlias, Upstream upstream, long oid)
            throws IOException, InterruptedException {
        String realmUrl = keycloakUrl + "/realms/" + BenchRealm.REALM;
        String verifier = randomToken();
        String state = UUID.randomUUID().toString();
        String auth = realmUrl + "/protocol/openid-connect/auth?client_id=" + BenchRealm.CLIENT_ID
                + "&response_type=code&scope=openid&state=" + state
                + "&redirect_uri=" + enc(BenchRealm.REDIRECT_URI)
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256"
                + "&kc_idp_hint=" + idpAlias + "&role=parent";
        Step page = follow(get(auth), url -> false);
        String pending = pending(page);
        if (pending == null) {
            return Result.failed("no emulator login page: " + page);
        }
        Step next = follow(post(emulatorUrl + upstream.loginPath(), "pending=" + enc(pending) + "&quick=" + oid),
                url -> !url.startsWith(emulatorUrl));
        String access = next.url() == null ? pending(next) : null;
        if (access != null) {
            next = follow(post(emulatorUrl + upstream.consentPath(), "pending=" + enc(access) + "&decision=grant"),
                    url -> !url.startsWith(emulatorUrl));
        }
        if (next.url() == null) {
            return Result.failed("stopped at the emulator: " + next);
        }
        Predicate<String> backAtPortal = url -> url.startsWith(BenchRealm.REDIRECT_URI);
        Step back = follow(get(next.url()), backAtPortal);
        Matcher picker = PROFILE_PICKER.matcher(back.body() == null ? "" : back.body());
        if (picker.find()) {
            Matcher profile = FIRST_PROFILE.matcher(back.body());
            if (profile.find(picker.end())) {
                back = follow(post(picker.group(1).replace("&amp;", "&"), "profile=" + enc(profile.group(1))), backAtPortal);
            }
        }
        if (back.url() == null) {
            return Result.failed("stopped at Keycloak: " + back);
        }
        Map<String, String> params = query(back.url());
        if (params.get("code") == null) {
            return Result.failed("back without a code: error=" + params.get("error"));
        }
        HttpResponse<String> token = http.send(post(realmUrl + "/protocol/openid-connect/token",
                "grant_type=authorization_code&code=" + enc(params.get("code"))
                        + "&redirect_uri=" + enc(BenchRealm.REDIRECT_URI) + "&client_id=" + BenchRealm.CLIENT_ID
                        + "&client_secret=" + BenchRealm.CLIENT_SECRET + "&code_verifier=" + verifier),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return token.statusCode() == 200 ? Result.OK : Result.failed("code exchange " + token.statusCode());
    }

    /** A step: the location it stopped at (not requested), or the page it ended on. */
    private record Step(String url, int status, String body) {
        @Override
        public String toString() {
            if (url != null) {
                return "redirect to " + url.replaceAll("\\?.*", "?…");
            }
            Matcher t = TITLE.matcher(body == null ? "" : body);
            return "page " + status + (t.find() ? " «" + t.group(1).strip() + "»" : "");
        }
    }

    private Step follow(HttpRequest first, Predicate<String> stopAt) throws IOException, InterruptedException {
        HttpRequest request = first;
        for (int i = 0; i < MAX_REDIRECTS; i++) {
            HttpResponse<String> response = http.send(cookies.withCookies(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            cookies.keep(response);
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse(null);
            if (status < 300 || status >= 400 || location == null) {
                return new Step(null, status, response.body());
            }
            String next = response.uri().resolve(location).toString();
            if (stopAt.test(next)) {
                return new Step(next, status, null);
            }
            request = get(next);
        }
        return new Step(null, 0, "more than " + MAX_REDIRECTS + " redirects");
    }

    private static String pending(Step step) {
        if (step.body() == null) {
            return null;
        }
        Matcher m = PENDING.matcher(step.body());
        return m.find() ? m.group(1) : null;
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(url).getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    private static HttpRequest post(String url, String form) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
