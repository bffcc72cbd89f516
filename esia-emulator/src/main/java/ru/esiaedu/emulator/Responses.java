package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writing answers: JSON, HTML, redirects; and building redirect URLs with RFC 3986 encoding. */
final class Responses {
    private Responses() {
    }

    /** Size of the *_HUGE fault answers: far above any sane ESIA answer. */
    static final int HUGE_BODY_BYTES = 16 << 20;

    /** The first half of the JSON, as a connection cut mid-answer leaves it (the length header matches the half). */
    static void truncatedJson(HttpExchange ex, JsonNode body) throws IOException {
        String json = Json.write(body);
        send(ex, 200, "application/json;charset=UTF-8", json.substring(0, json.length() / 2));
    }

    /**
     * A JSON object whose one string is {@link #HUGE_BODY_BYTES} long, streamed in chunks so the emulator never holds
     * it; a client that stops reading makes the write fail, which the router treats as the client going away.
     */
    static void hugeJson(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        ex.sendResponseHeaders(200, 0);
        byte[] chunk = "A".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = ex.getResponseBody()) {
            out.write("{\"access_token\":\"".getBytes(StandardCharsets.US_ASCII));
            for (int written = 0; written < HUGE_BODY_BYTES; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        }
    }

    static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json;charset=UTF-8", Json.write(body));
    }

    static void html(HttpExchange ex, int status, String html) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, status, "text/html;charset=UTF-8", html);
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    /** 303 See Other: the redirect after a POST (the browser follows it with a GET). */
    static void seeOther(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(303, -1);
        ex.close();
    }

    static void setCookie(HttpExchange ex, String name, String value, boolean delete) {
        ex.getResponseHeaders().add("Set-Cookie", name + "=" + (delete ? "" : value)
                + "; Path=/; HttpOnly; SameSite=Lax" + (delete ? "; Max-Age=0" : ""));
    }

    /** Appends parameters to a URL that may already carry a query. Spaces become %20, not '+'. */
    static String withParams(String url, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(url);
        char sep = url.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
