package ru.esiaedu.emulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One allowed redirect pattern of a client, e.g. {@code http://localhost:*&#47;realms/}.
 * The rule compares parsed URI parts, never raw string prefixes (so {@code http://127.0.0.1:80.evil.ru}
 * or {@code http://localhost:8080@evil.ru} cannot slip through):
 * scheme and host must be equal (case-insensitive); port {@code *} means any explicit port, otherwise the
 * ports must be equal; the candidate path must start with the pattern's path (empty pattern path = any);
 * candidates with user-info or a fragment are refused.
 */
final class RedirectRule {
    private final String pattern;
    private final String scheme;
    private final String host;
    private final int port; // -1 = none, -2 = any
    private final String pathPrefix;

    RedirectRule(String pattern) {
        this.pattern = pattern;
        String p = pattern.replace(":*", ":65535");
        URI u = URI.create(p);
        if (u.getScheme() == null || u.getHost() == null) {
            throw new IllegalArgumentException("redirect pattern needs scheme and host: " + pattern);
        }
        this.scheme = u.getScheme().toLowerCase(Locale.ROOT);
        this.host = u.getHost().toLowerCase(Locale.ROOT);
        this.port = pattern.contains(":*") ? -2 : u.getPort();
        this.pathPrefix = u.getRawPath() == null ? "" : u.getRawPath();
    }

    boolean allows(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return false;
        }
        URI u;
        try {
            u = new URI(candidate);
        } catch (URISyntaxException e) {
            return false;
        }
        if (u.getScheme() == null || u.getHost() == null || u.getRawUserInfo() != null || u.getRawFragment() != null) {
            return false;
        }
        if (!scheme.equals(u.getScheme().toLowerCase(Locale.ROOT)) || !host.equals(u.getHost().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (port == -2 ? u.getPort() < 0 : u.getPort() != port) {
            return false;
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        return path.startsWith(pathPrefix) && !path.contains("/../");
    }

    @Override
    public String toString() {
        return pattern;
    }
}
