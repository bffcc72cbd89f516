package ru.esiaedu.esia.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The ESIA URLs for one base URL and protocol version. Immutable. */
public final class EsiaEndpoints {

    private final String baseUrl;
    private final ProtocolVersion version;
    private final String scheme;
    private final String host;
    private final int port;

    private EsiaEndpoints(String baseUrl, ProtocolVersion version) {
        this.baseUrl = baseUrl;
        this.version = version;
        URI uri = URI.create(baseUrl);
        this.scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        this.host = uri.getHost().toLowerCase(Locale.ROOT);
        this.port = effectivePort(scheme, uri.getPort());
    }

    /**
     * @param baseUrl absolute http(s) URL such as {@code https://esia.gosuslugi.ru} (a trailing slash is trimmed;
     *                a path prefix is kept, for emulators mounted under a path)
     * @throws IllegalArgumentException not an absolute http(s) URL, or it has a query or fragment
     */
    public static EsiaEndpoints of(String baseUrl, ProtocolVersion version) {
        Objects.requireNonNull(version, "version");
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("ESIA base URL is empty");
        }
        String trimmed = baseUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("ESIA base URL is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("ESIA base URL must be an absolute http(s) URL with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("ESIA base URL must not have user info, a query or a fragment");
        }
        return new EsiaEndpoints(trimmed, version);
    }

    public static EsiaEndpoints of(EsiaEnvironment environment, ProtocolVersion version) {
        if (environment.baseUrl() == null) {
            throw new IllegalArgumentException("Environment " + environment + " has no built-in base URL");
        }
        return of(environment.baseUrl(), version);
    }

    /** Without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public ProtocolVersion version() {
        return version;
    }

    public String authorizationUrl() {
        return baseUrl + version.authorizationPath();
    }

    public String tokenUrl() {
        return baseUrl + version.tokenPath();
    }

    /** {@code /rs/prns/{oid}} (the oid percent-encoded). */
    public String personUrl(String oid) {
        if (oid == null || oid.isBlank()) {
            throw new IllegalArgumentException("oid is empty");
        }
        return baseUrl + "/rs/prns/" + Rfc3986.encode(oid);
    }

    /** {@code /idp/ext/Logout} without parameters. */
    public String logoutUrl() {
        return baseUrl + "/idp/ext/Logout";
    }

    /** {@code /idp/ext/Logout?client_id=…&redirect_url=…} (note ESIA's {@code redirect_url}); a null redirect is left out. */
    public String logoutUrl(String clientId, String redirectUrlOrNull) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", Objects.requireNonNull(clientId, "clientId"));
        if (redirectUrlOrNull != null) {
            params.put("redirect_url", redirectUrlOrNull);
        }
        return Rfc3986.withQuery(logoutUrl(), params);
    }

    /**
     * Whether {@code url} is an absolute URL with the same scheme, host and (effective) port as the base URL.
     * Used to follow only ESIA's own links (e.g. collection {@code elements}) with the access token.
     * Malformed or relative URLs, and URLs with user info, give {@code false}.
     */
    public boolean isOnEsiaHost(String url) {
        if (url == null) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        String s = uri.getScheme().toLowerCase(Locale.ROOT);
        return s.equals(scheme) && uri.getHost().toLowerCase(Locale.ROOT).equals(host)
                && effectivePort(s, uri.getPort()) == port;
    }

    private static int effectivePort(String scheme, int port) {
        if (port >= 0) {
            return port;
        }
        return scheme.equals("https") ? 443 : 80;
    }

    @Override
    public String toString() {
        return "EsiaEndpoints[" + baseUrl + ", " + version + "]";
    }
}
