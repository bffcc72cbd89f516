package ru.esiaedu.desk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The desk's HTML: the one page shell (static, from the JAR; its script renders the class page, the inbox, the
 * import) and short Russian message pages. Every answer carries a strict Content-Security-Policy: scripts, styles
 * and requests only from the desk itself, no inline code, no framing.
 */
final class Pages {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private Pages() {
    }

    static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response.header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }

    /** The page shell; {@code deskPath} is {@code /realms/{realm}/school-desk/}, where its script and styles are. */
    static Response shell(String deskPath) {
        return secured(Response.ok(resource("desk.html").replace("{{desk}}", escape(deskPath)), HTML)).build();
    }

    /** A message page: a heading, a paragraph, and an optional button link. */
    static Response message(String deskPath, Response.Status status, String title, String text, String actionHref, String actionText) {
        StringBuilder html = new StringBuilder(1024)
                .append("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(escape(deskPath)).append("static/desk.css\"></head>")
                .append("<body class=\"message\"><main id=\"main\"><h1>").append(escape(title)).append("</h1><p>")
                .append(escape(text)).append("</p>");
        if (actionHref != null) {
            html.append("<p><a class=\"button\" href=\"").append(escape(actionHref)).append("\">")
                    .append(escape(actionText)).append("</a></p>");
        }
        html.append("</main></body></html>");
        return secured(Response.status(status).type(HTML).entity(html.toString())).build();
    }

    static String resource(String name) {
        try (InputStream in = Pages.class.getResourceAsStream("/school-desk/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing desk resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
