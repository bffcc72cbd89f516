package ru.esiaedu.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.esiaedu.testsupport.CookieJar;

/**
 * One device signing in through Госуслуги over plain HTTP, without a browser: its own cookie jar, redirects
 * followed one by one, the emulator's one-click test person. Cheap enough to run several devices at once on a
 * small machine. The login is split at the moment the emulator sends the browser back to Keycloak, so a test can
 * let several devices arrive at Keycloak's broker endpoint together.
 */
public final class HttpLogin {

    private static final Pattern PENDING = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"");
    private static final Pattern PROFILE_PICKER =
            Pattern.compile("<form id=\"esia-profile-form\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern FIRST_PROFILE = Pattern.compile("name=\"profile\" value=\"([^\"]+)\"");
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");
    private static final int MAX_REDIRECTS = 20;

    private final HttpClient http;
    /** Cookies by host, as a browser keeps them (see {@link CookieJar}). */
    private final CookieJar cookies = new CookieJar();
    private final SchoolPortal portal;
    private final String esiaBaseUrl;

    public HttpLogin(SchoolPortal portal, String esiaBaseUrl) {
        this.portal = portal;
        this.esiaBaseUrl = esiaBaseUrl;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Where a step ended: a URL the device was sent to, or the text of the page it stopped on. */
    public record Outcome(String url, int status, String pageText) {
        public boolean backAtThePortalWithACode(SchoolPortal portal) {
            return url != null && portal.isRedirectBack(url);
        }

        @Override
        public String toString() {
            String words = text(pageText);
            return url != null ? "redirect to " + url
                    : "page " + status + ": " + (words.length() > 300 ? words.substring(0, 300) + "…" : words);
        }
    }

    /**
     * Opens the portal's login with {@code role} and signs in at Госуслуги as {@code oid}, granting access if asked;
     * stops at the emulator's redirect back to Keycloak and returns that URL (or the page where it stopped instead).
     */
    public Outcome signInAtEsia(String role, String oid) throws IOException, InterruptedException {
        Outcome page = follow(get(portal.loginUrl(UUID.randomUUID().toString()) + "&role=" + role), url -> false);
        String pending = pending(page);
        if (pending == null) {
            return page;
        }
        Outcome next = follow(post(esiaBaseUrl + "/login", "pending=" + enc(pending) + "&quick=" + enc(oid)),
                this::isKeycloak);
        String consent = next.url() == null ? pending(next) : null;
        if (consent != null) {
            next = follow(post(esiaBaseUrl + "/login/consent", "pending=" + enc(consent) + "&decision=grant"),
                    this::isKeycloak);
        }
        return next;
    }

    /** Goes on from the emulator's redirect to Keycloak until the portal gets its code or a page is shown. */
    public Outcome returnToKeycloak(Outcome fromEsia) throws IOException, InterruptedException {
        if (fromEsia.url() == null) {
            return fromEsia;
        }
        Outcome next = follow(get(fromEsia.url()), url -> portal.isRedirectBack(url));
        Matcher picker = PROFILE_PICKER.matcher(next.pageText() == null ? "" : next.pageText());
        if (picker.find()) {
            // «Выберите профиль»: the first one, as a person with two schools would pick one.
            String action = picker.group(1).replace("&amp;", "&");
            Matcher profile = FIRST_PROFILE.matcher(next.pageText());
            if (profile.find(picker.end())) {
                next = follow(post(action, "profile=" + enc(profile.group(1))), url -> portal.isRedirectBack(url));
            }
        }
        return next;
    }

    /** The whole login: Госуслуги, back to Keycloak, back to the portal. */
    public Outcome signIn(String role, String oid) throws IOException, InterruptedException {
        return returnToKeycloak(signInAtEsia(role, oid));
    }

    /**
     * Posts the form {@code formId} of this page with these fields to the node at {@code nodeBaseUrl} (behind a load
     * balancer any request of a login may reach any node) and goes on until the portal gets its code or a page is
     * shown. Only the fields given are sent, as a person who typed them and pressed the button.
     */
    public Outcome submit(Outcome page, String formId, Map<String, String> fields, String nodeBaseUrl)
            throws IOException, InterruptedException {
        URI action = URI.create(formAction(page, formId));
        String onNode = nodeBaseUrl + action.getRawPath() + (action.getRawQuery() == null ? "" : "?" + action.getRawQuery());
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(enc(name)).append('=').append(enc(value)));
        return follow(post(onNode, body.toString()), url -> portal.isRedirectBack(url));
    }

    /** Opens {@code url} (e.g. a login with {@code kc_action}) and goes on until the portal gets its code or a page is shown. */
    public Outcome open(String url) throws IOException, InterruptedException {
        return follow(get(url), redirect -> portal.isRedirectBack(redirect));
    }

    /** Where the form {@code formId} of this page posts to. */
    public static String formAction(Outcome page, String formId) {
        Matcher form = Pattern.compile("<form\\b[^>]*\\bid=\"" + Pattern.quote(formId) + "\"[^>]*>")
                .matcher(page.pageText() == null ? "" : page.pageText());
        if (!form.find()) {
            throw new AssertionError("no form " + formId + " on " + page);
        }
        Matcher action = Pattern.compile("\\baction=\"([^\"]+)\"").matcher(form.group());
        if (!action.find()) {
            throw new AssertionError("form " + formId + " has no action: " + form.group());
        }
        return action.group(1).replace("&amp;", "&");
    }

    private boolean isKeycloak(String url) {
        return !url.startsWith(esiaBaseUrl);
    }

    /**
     * Sends the request and follows redirects until {@code stopAt} accepts a location (returned, not requested)
     * or a page is answered.
     */
    private Outcome follow(HttpRequest first, java.util.function.Predicate<String> stopAt)
            throws IOException, InterruptedException {
        HttpRequest request = first;
        for (int i = 0; i < MAX_REDIRECTS; i++) {
            HttpResponse<String> response = http.send(cookies.withCookies(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            cookies.keep(response);
            int status = response.statusCode();
            if (status < 300 || status >= 400) {
                return new Outcome(null, status, response.body());
            }
            String location = response.uri().resolve(response.headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError("redirect " + status + " without Location from " + response.uri())))
                    .toString();
            if (stopAt.test(location)) {
                return new Outcome(location, status, null);
            }
            request = get(location);
        }
        throw new AssertionError("more than " + MAX_REDIRECTS + " redirects from " + first.uri());
    }

    private static String pending(Outcome page) {
        if (page.pageText() == null) {
            return null;
        }
        Matcher m = PENDING.matcher(page.pageText());
        return m.find() ? m.group(1) : null;
    }

    /** The visible words of an HTML page, for assertion messages. */
    public static String text(String html) {
        if (html == null) {
            return "";
        }
        String visible = html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ");
        return TAGS.matcher(visible).replaceAll(" ").replaceAll("\\s+", " ").trim();
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
