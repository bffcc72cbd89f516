package ru.esiaedu.esia.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Strict RFC 3986 percent-encoding: only unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) pass
 * unchanged; everything else, including {@code +} and space, becomes {@code %XX} (upper-case hex) of
 * its UTF-8 bytes. ESIA's {@code timestamp} ({@code 2026.11.22 21:00:00 +0300}) must arrive with
 * {@code %2B}, which {@link java.net.URLEncoder} (space as {@code +}) does not give.
 */
final class FormEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FormEncoding() {
    }

    static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    /**
     * {@code k1=v1&k2=v2} in the map's iteration order. A null value skips the parameter; an empty
     * value is sent as {@code k=} (ESIA expects {@code scope_org=} even when empty).
     */
    static String form(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                continue;
            }
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(encode(e.getKey())).append('=').append(encode(e.getValue()));
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
