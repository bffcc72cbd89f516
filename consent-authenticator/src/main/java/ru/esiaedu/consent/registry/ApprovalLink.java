package ru.esiaedu.consent.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import ru.esiaedu.consent.ConsentIds;

/**
 * The link a consent e-mail carries: an ordinary OIDC authorization request of the client system the child
 * tried to log into, so the recipient signs in through ESIA (the role picker is skipped by {@code role=}) and
 * lands on the approval page, then in the client system.
 * <ul>
 *   <li>parents: {@code kc_action=esia-consent-approval&role=parent} — Keycloak runs the application-initiated
 *       action after the login (or right away with an SSO session);</li>
 *   <li>an adult student: {@code role=student} only — the consent-check step of that login offers «Даю согласие».</li>
 * </ul>
 * The {@code redirect_uri} is the client's Home URL ({@code baseUrl}, resolved against its Root URL as Keycloak
 * does) or else its Root URL; it must be one of the client's valid redirect URIs. Without either there is no
 * link (the e-mail then tells the parent to sign in). Pure: everything comes in as strings.
 */
public final class ApprovalLink {

    /** Keycloak's placeholder for its own frontend URL in a client's Root URL. */
    static final String AUTH_BASE_URL = "${authBaseUrl}";

    private ApprovalLink() {
    }

    /**
     * @param frontendBaseUri Keycloak's frontend base URI, e.g. {@code https://id.example.ru/} (with or without
     *                        the trailing slash; a relative path such as {@code /auth/} is kept)
     * @param realmName       realm name (not id)
     * @param clientId        client id of the client system
     * @param clientRootUrl   the client's Root URL, may be null, may be {@code ${authBaseUrl}}
     * @param clientBaseUrl   the client's Home URL, may be null or relative to the Root URL
     * @param forParent       true: the approval page for a parent; false: a plain student login (adult student)
     */
    public static Optional<String> build(String frontendBaseUri, String realmName, String clientId,
                                         String clientRootUrl, String clientBaseUrl, boolean forParent) {
        if (blank(frontendBaseUri) || blank(realmName) || blank(clientId)) {
            return Optional.empty();
        }
        String frontend = withoutTrailingSlash(frontendBaseUri.trim());
        Optional<String> redirect = redirectUri(frontend, clientRootUrl, clientBaseUrl);
        if (redirect.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder link = new StringBuilder(frontend)
                .append("/realms/").append(pathSegment(realmName))
                .append("/protocol/openid-connect/auth")
                .append("?client_id=").append(query(clientId))
                .append("&redirect_uri=").append(query(redirect.get()))
                .append("&response_type=code")
                .append("&scope=openid");
        if (forParent) {
            link.append("&kc_action=").append(query(ConsentIds.APPROVAL_REQUIRED_ACTION)).append("&role=parent");
        } else {
            link.append("&role=student");
        }
        return Optional.of(link.toString());
    }

    /**
     * For clients that require PKCE: an authorization request without a {@code code_challenge} is refused there,
     * and only the client itself can start one. The link is then the client's Home URL: the parent signs in there
     * as a parent and the consent-check step opens the approval page after the login (pending requests).
     */
    public static Optional<String> homePage(String frontendBaseUri, String clientRootUrl, String clientBaseUrl) {
        if (blank(frontendBaseUri)) {
            return Optional.empty();
        }
        return redirectUri(withoutTrailingSlash(frontendBaseUri.trim()), clientRootUrl, clientBaseUrl);
    }

    /** Home URL resolved like Keycloak's {@code ResolveRelative}, else the Root URL; empty when neither is set. */
    static Optional<String> redirectUri(String frontend, String clientRootUrl, String clientBaseUrl) {
        String root = blank(clientRootUrl) ? null : clientRootUrl.trim();
        if (AUTH_BASE_URL.equals(root)) {
            root = frontend;
        }
        if (root != null) {
            root = withoutTrailingSlash(root);
        }
        String base = blank(clientBaseUrl) ? null : clientBaseUrl.trim();
        if (base == null) {
            return Optional.ofNullable(root).filter(ApprovalLink::absolute);
        }
        if (!base.startsWith("/")) {
            return Optional.of(base).filter(ApprovalLink::absolute);
        }
        if (root != null) {
            return Optional.of(root + base).filter(ApprovalLink::absolute);
        }
        return origin(frontend).map(origin -> origin + base);
    }

    private static boolean absolute(String url) {
        return url.startsWith("https://") || url.startsWith("http://");
    }

    /** {@code scheme://host[:port]} of an absolute URL. */
    private static Optional<String> origin(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return Optional.empty();
        }
        int path = url.indexOf('/', scheme + 3);
        return Optional.of(path < 0 ? url : url.substring(0, path));
    }

    private static String withoutTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
