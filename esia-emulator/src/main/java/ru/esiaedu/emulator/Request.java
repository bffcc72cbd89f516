package ru.esiaedu.emulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** One incoming request with its parameters decoded once by the router. */
final class Request {
    private static final int MAX_BODY = 64 * 1024;

    final HttpExchange exchange;
    final String method;
    final String path;
    final Params query;
    final Params form;
    /** Raw body of a POST that is not a form (the consent API's JSON); "" otherwise. */
    final String body;

    private Request(HttpExchange exchange, String method, String path, Params query, Params form, String body) {
        this.exchange = exchange;
        this.method = method;
        this.path = path;
        this.query = query;
        this.form = form;
        this.body = body;
    }

    static Request read(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        Params query = Params.parse(ex.getRequestURI().getRawQuery());
        Params form = Params.empty();
        String text = "";
        String ct = ex.getRequestHeaders().getFirst("Content-Type");
        if ("POST".equals(method)) {
            try (InputStream in = ex.getRequestBody()) {
                byte[] body = in.readNBytes(MAX_BODY + 1);
                if (body.length > MAX_BODY) {
                    throw new IllegalArgumentException("body too large");
                }
                text = new String(body, StandardCharsets.UTF_8);
            }
            if (ct != null && ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                form = Params.parse(text);
                text = "";
            }
        }
        return new Request(ex, method, ex.getRequestURI().getPath(), query, form, text);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** Value of a cookie, or null. */
    String cookie(String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).equals(name)) {
                    return p.substring(eq + 1);
                }
            }
        }
        return null;
    }
}
