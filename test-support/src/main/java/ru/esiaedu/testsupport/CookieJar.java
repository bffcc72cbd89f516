package ru.esiaedu.testsupport;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cookies by host, sent back to that host on any port, as a browser does (RFC 6265: cookies do not isolate by port;
 * two Keycloak nodes behind one name see the same cookies). Java's {@code CookieManager} withholds Keycloak's Secure
 * cookies over plain HTTP, which a browser sends to localhost; paths are not needed here. Thread-safe.
 */
public final class CookieJar {

    private final Map<String, Map<String, String>> byHost = new ConcurrentHashMap<>();

    /** The request with this jar's cookies for its host, or the request itself when there are none. */
    public HttpRequest withCookies(HttpRequest request) {
        return header(request.uri())
                .map(cookies -> HttpRequest.newBuilder(request, (name, value) -> true).header("Cookie", cookies).build())
                .orElse(request);
    }

    /** Keeps what the response's {@code Set-Cookie} headers set, and drops what they expire. */
    public void keep(HttpResponse<?> response) {
        keep(response.uri(), response.headers().allValues("Set-Cookie"));
    }

    /** The {@code Cookie} header for a request to {@code to}, if this jar holds cookies of its host. */
    public Optional<String> header(URI to) {
        Map<String, String> jar = byHost.get(to.getHost());
        if (jar == null) {
            return Optional.empty();
        }
        synchronized (jar) {
            if (jar.isEmpty()) {
                return Optional.empty();
            }
            StringBuilder header = new StringBuilder();
            jar.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(value));
            return Optional.of(header.toString());
        }
    }

    /** Keeps the cookies of these {@code Set-Cookie} values from {@code from}; an empty value or a past expiry drops one. */
    public void keep(URI from, List<String> setCookies) {
        if (setCookies.isEmpty()) {
            return;
        }
        Map<String, String> jar = byHost.computeIfAbsent(from.getHost(), k -> new LinkedHashMap<>());
        synchronized (jar) {
            for (String cookie : setCookies) {
                String[] parts = cookie.split(";");
                int eq = parts[0].indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = parts[0].substring(0, eq).trim();
                String value = parts[0].substring(eq + 1).trim();
                boolean removed = value.isEmpty();
                for (int i = 1; i < parts.length; i++) {
                    String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
                    removed |= attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")
                            || attribute.startsWith("expires=thu, 01-jan-1970");
                }
                if (removed) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
        }
    }
}
