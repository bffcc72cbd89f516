package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Locale;

/**
 * Emulator controls for the demo (not part of ESIA): {@code POST /__emulator/faults?next=TOKEN_500[,…]},
 * {@code DELETE /__emulator/faults}, {@code GET /__emulator/faults}; the consent hooks of {@link Consents} under
 * {@code /__emulator/consents/…} (parameters in the query, a form or a JSON object):
 * {@code POST grant} ({@code client, student, grantor}), {@code POST revoke-all} ({@code student}),
 * {@code POST reset}, {@code GET status?client=…&student=…}, {@code GET requests?student=…},
 * {@code GET notifications?oid=…}.
 */
final class AdminHandler {
    static final String FAULTS_PATH = "/__emulator/faults";
    static final String CONSENTS_PREFIX = "/__emulator/consents/";

    private final Faults faults;
    private final Consents consents;

    AdminHandler(Faults faults, Consents consents) {
        this.faults = faults;
        this.consents = consents;
    }

    void consents(Request r) throws IOException {
        String action = r.path.substring(CONSENTS_PREFIX.length());
        boolean post = r.method.equals("POST");
        JsonNode body;
        try {
            body = r.body.isBlank() ? Json.object() : Json.MAPPER.readTree(r.body);
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            error(r, 400, "the body must be a JSON object");
            return;
        }
        ObjectNode o = Json.object();
        try {
            switch (action) {
                case "grant" -> {
                    if (!post) {
                        error(r, 405, "use POST");
                        return;
                    }
                    String client = param(r, body, "client");
                    String student = param(r, body, "student");
                    o.put("consentId", consents.grant(client, student, param(r, body, "grantor")));
                    o.put("status", consents.status(client, student));
                }
                case "revoke-all" -> {
                    if (!post) {
                        error(r, 405, "use POST");
                        return;
                    }
                    o.put("revoked", consents.revokeAll(param(r, body, "student")));
                }
                case "reset" -> {
                    if (!post) {
                        error(r, 405, "use POST");
                        return;
                    }
                    consents.reset();
                    o.put("reset", true);
                }
                case "status" -> o.put("status", consents.status(param(r, body, "client"), param(r, body, "student")));
                case "requests" -> {
                    ArrayNode a = o.putArray("requests");
                    for (ConsentRequestView v : consents.requests(param(r, body, "student"))) {
                        ObjectNode n = a.addObject();
                        n.put("id", v.id());
                        n.put("client", v.client());
                        n.put("student", v.studentOid());
                        n.put("status", v.status());
                        v.recipients().forEach(n.putArray("recipients")::add);
                        n.put("decidedBy", v.decidedBy());
                        n.put("purpose", v.purpose());
                        n.put("created", v.created().toString());
                    }
                }
                case "notifications" -> {
                    ArrayNode a = o.putArray("notifications");
                    for (NotificationView v : consents.notificationsOf(param(r, body, "oid"))) {
                        ObjectNode n = a.addObject();
                        n.put("id", v.id());
                        n.put("title", v.title());
                        n.put("text", v.text());
                        n.put("requestId", v.requestId());
                        n.put("created", v.created().toString());
                        n.put("read", v.read());
                    }
                }
                default -> {
                    error(r, 404, "unknown consent hook " + action);
                    return;
                }
            }
        } catch (IllegalArgumentException e) {
            error(r, 400, e.getMessage());
            return;
        }
        Responses.json(r.exchange, 200, o);
    }

    /** From the query, the form or the JSON body; missing is an error. */
    private static String param(Request r, JsonNode body, String name) {
        String v = r.query.get(name);
        if (v == null) {
            v = r.form.get(name);
        }
        if (v == null && body.hasNonNull(name)) {
            v = body.get(name).asText();
        }
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("parameter " + name + " is required");
        }
        return v.trim();
    }

    private static void error(Request r, int status, String message) throws IOException {
        ObjectNode o = Json.object();
        o.put("error", message);
        Responses.json(r.exchange, status, o);
    }

    void faults(Request r) throws IOException {
        switch (r.method) {
            case "POST" -> {
                String next = r.query.has("next") ? r.query.get("next") : r.form.get("next");
                if (next == null || next.isBlank()) {
                    problem(r, "parameter next is required, e.g. next=TOKEN_500");
                    return;
                }
                for (String name : next.split(",")) {
                    Fault f;
                    try {
                        f = Fault.valueOf(name.trim().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        problem(r, "unknown fault " + name.trim());
                        return;
                    }
                    faults.next(f);
                }
                list(r);
            }
            case "DELETE" -> {
                faults.clear();
                list(r);
            }
            case "GET" -> list(r);
            default -> Responses.send(r.exchange, 405, "text/plain;charset=UTF-8", "method not allowed");
        }
    }

    private void list(Request r) throws IOException {
        ObjectNode o = Json.object();
        ArrayNode a = o.putArray("pending");
        faults.pending().forEach(f -> a.add(f.name()));
        Responses.json(r.exchange, 200, o);
    }

    private static void problem(Request r, String message) throws IOException {
        ObjectNode o = Json.object();
        o.put("error", message);
        ArrayNode known = o.putArray("known");
        for (Fault f : Fault.values()) {
            known.add(f.name());
        }
        Responses.json(r.exchange, 400, o);
    }
}
