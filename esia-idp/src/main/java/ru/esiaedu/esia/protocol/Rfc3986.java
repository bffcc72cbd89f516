package ru.esiaedu.esia.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Strict RFC 3986 percent-encoding: everything except the unreserved characters {@code A-Z a-z 0-9 - . _ ~} is
 * encoded as UTF-8 {@code %XX} (upper-case hex). Unlike {@link java.net.URLEncoder} a space becomes {@code %20}
 * and {@code +} becomes {@code %2B} — ESIA reads a literal {@code +} in the {@code timestamp} as a space.
 * Use it for query strings and for {@code application/x-www-form-urlencoded} bodies sent to ESIA.
 */
public final class Rfc3986 {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Rfc3986() {
    }

    /** Percent-encodes {@code value}; {@code null} gives {@code ""}. */
    public static String encode(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * {@code k1=v1&k2=v2} in the map's iteration order (use a {@link java.util.LinkedHashMap}); keys and values
     * encoded; a {@code null} value gives {@code k=}. No leading {@code ?}.
     */
    public static String query(Map<String, String> orderedParams) {
        Objects.requireNonNull(orderedParams, "orderedParams");
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : orderedParams.entrySet()) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(encode(Objects.requireNonNull(e.getKey(), "parameter name"))).append('=').append(encode(e.getValue()));
        }
        return out.toString();
    }

    /** {@code url} with the encoded parameters appended ({@code ?} or {@code &} as needed). */
    public static String withQuery(String url, Map<String, String> orderedParams) {
        String query = query(orderedParams);
        if (query.isEmpty()) {
            return url;
        }
        return url + (url.indexOf('?') >= 0 ? (url.endsWith("?") || url.endsWith("&") ? "" : "&") : "?") + query;
    }
}
