package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Locale;

/**
 * Emulator controls for the demo (not part of ESIA): {@code POST /__emulator/faults?next=TOKEN_500[,…]},
 * {@code DELETE /__emulator/faults}, {@code GET /__emulator/faults}.
 */
final class AdminHandler {
    static final String FAULTS_PATH = "/__emulator/faults";

    private final Faults faults;

    AdminHandler(Faults faults) {
        this.faults = faults;
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
