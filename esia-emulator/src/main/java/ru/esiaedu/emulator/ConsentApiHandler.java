package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The consent adapter of docs/esia-consent-adapter.md: {@code GET /consent/v1/status} and
 * {@code POST /consent/v1/requests}, both with the student's access token of the current login as Bearer.
 */
final class ConsentApiHandler {
    static final String PREFIX = "/consent/v1/";
    static final String STATUS_PATH = PREFIX + "status";
    static final String REQUESTS_PATH = PREFIX + "requests";
    private static final System.Logger LOG = System.getLogger(ConsentApiHandler.class.getName());
    private static final int MAX_TEXT = 1000;

    private final ConsentRegistry registry;
    private final ConsentRecipients recipients;
    private final PersonDirectory persons;
    private final ClientRegistry clients;
    private final AccessTokenVerifier tokens;
    private final Faults faults;
    private final Duration slowDelay;

    ConsentApiHandler(ConsentRegistry registry, ConsentRecipients recipients, PersonDirectory persons,
                      ClientRegistry clients, AccessTokenVerifier tokens, Faults faults, Duration slowDelay) {
        this.registry = registry;
        this.recipients = recipients;
        this.persons = persons;
        this.clients = clients;
        this.tokens = tokens;
        this.faults = faults;
        this.slowDelay = slowDelay;
    }

    /** The token's client system and subject. */
    private record Caller(String clientId, Person student, List<String> scopes) {
    }

    void handle(Request r) throws IOException {
        Optional<Fault> fault = faults.take(Fault.Target.CONSENT);
        if (fault.isPresent()) {
            switch (fault.get()) {
                case CONSENT_500 -> {
                    Responses.send(r.exchange, 500, "text/html;charset=UTF-8", "<html><body><h1>500 Internal Server Error</h1></body></html>");
                    return;
                }
                case CONSENT_GARBAGE -> {
                    Responses.send(r.exchange, 200, "application/json;charset=UTF-8", "<html><body>Технические работы</body></html>");
                    return;
                }
                default -> {
                    if (!Sleeper.sleep(slowDelay)) {
                        return;
                    }
                }
            }
        }
        boolean status = r.path.equals(STATUS_PATH);
        if (!status && !r.path.equals(REQUESTS_PATH)) {
            error(r, 404, "not_found");
            return;
        }
        if (!r.method.equals(status ? "GET" : "POST")) {
            r.exchange.getResponseHeaders().set("Allow", status ? "GET" : "POST");
            error(r, 405, "method_not_allowed");
            return;
        }
        Optional<Caller> caller = caller(r.header("Authorization"));
        if (caller.isEmpty()) {
            LOG.log(Level.INFO, "{0} {1} -> invalid_token", r.method, r.path);
            r.exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            error(r, 401, "invalid_token");
            return;
        }
        if (status) {
            status(r, caller.get());
        } else {
            request(r, caller.get());
        }
    }

    private void status(Request r, Caller c) throws IOException {
        ConsentRegistry.State s = registry.status(c.clientId(), c.student().oid());
        ObjectNode o = Json.object();
        o.put("status", s.status());
        o.put("grantor", s.grantor());
        o.put("requestId", s.requestId());
        Responses.json(r.exchange, 200, o);
    }

    private void request(Request r, Caller c) throws IOException {
        JsonNode body;
        try {
            body = r.body.isBlank() ? Json.object() : Json.MAPPER.readTree(r.body);
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            error(r, 400, "invalid_request");
            return;
        }
        String clientName = clients.find(c.clientId()).map(RegisteredClient::name).orElse(c.clientId());
        String purpose = text(body, "purpose", "Авторизация в системе «" + clientName + "»");
        String responsibleObject = text(body, "responsibleObject", clientName);
        ConsentRegistry.Outcome out = registry.request(c.clientId(), clientName, c.student().oid(),
                recipients.of(c.student()), purpose, responsibleObject, c.scopes());
        LOG.log(Level.INFO, "{0} {1} -> {2}, {3} recipient(s)", r.method, r.path,
                out.created() ? "created" : "already open", out.recipients());
        ObjectNode o = Json.object();
        o.put("requestId", out.requestId());
        o.put("created", out.created());
        o.put("recipients", out.recipients());
        Responses.json(r.exchange, out.created() ? 201 : 200, o);
    }

    /** A valid access token of this emulator whose subject is a known, not deleted person. */
    private Optional<Caller> caller(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        Optional<JsonNode> payload = tokens.verify(authorization.substring(7).trim());
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        JsonNode p = payload.get();
        String clientId = p.path("client_id").asText("");
        JsonNode sbj = p.hasNonNull("urn:esia:sbj_id") ? p.get("urn:esia:sbj_id") : p.path("sbj_id");
        long oid;
        try {
            oid = Long.parseLong(sbj.asText(""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (clientId.isEmpty()) {
            return Optional.empty();
        }
        List<String> scopes = new ArrayList<>();
        for (String s : p.path("scope").asText("").split(" ")) {
            int q = s.indexOf('?');
            String name = q < 0 ? s : s.substring(0, q);
            if (!name.isEmpty() && !scopes.contains(name)) {
                scopes.add(name);
            }
        }
        return persons.find(oid).filter(x -> !x.deleted()).map(x -> new Caller(clientId, x, List.copyOf(scopes)));
    }

    private static String text(JsonNode body, String field, String fallback) {
        String v = body.path(field).asText("").strip();
        if (v.isEmpty()) {
            return fallback;
        }
        return v.length() > MAX_TEXT ? v.substring(0, MAX_TEXT) : v;
    }

    private static void error(Request r, int status, String error) throws IOException {
        ObjectNode o = Json.object();
        o.put("error", error);
        Responses.json(r.exchange, status, o);
    }
}
