package ru.esiaedu.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/**
 * Decoded query or form parameters. Keeps every value, because ESIA rejects repeated parameters
 * (ESIA-007003), and decodes '+' as a space exactly like a form decoder: that is why ESIA clients
 * must send the timestamp's '+' as %2B.
 */
final class Params {
    private final Map<String, List<String>> values;

    private Params(Map<String, List<String>> values) {
        this.values = values;
    }

    static Params empty() {
        return new Params(Collections.emptyMap());
    }

    /** Parses {@code a=1&b=2}; a malformed %-escape throws IllegalArgumentException. */
    static Params parse(String raw) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new Params(map);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** First value, or null when absent. */
    String get(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** First value, or "" when absent. */
    String getOrEmpty(String name) {
        String v = get(name);
        return v == null ? "" : v;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** Name of the first parameter sent more than once, or null. */
    String firstRepeated() {
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (e.getValue().size() > 1) {
                return e.getKey();
            }
        }
        return null;
    }

    /** First value of each parameter, minus the given names (used to keep secrets out of the request log). */
    Map<String, String> firstValuesWithout(String... excluded) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
        for (String x : excluded) {
            out.remove(x);
        }
        return out;
    }
}
