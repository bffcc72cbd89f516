package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code GET /rs/prns/{oid}} and its collections ({@code ctts, docs, addrs, kids}), each field and
 * collection served only if the access token carries its scope.
 */
final class PersonApiHandler {
    static final String PREFIX = "/rs/prns/";
    private static final System.Logger LOG = System.getLogger(PersonApiHandler.class.getName());
    private static final Set<String> ID_DOCS = Set.of("RF_PASSPORT", "FID_DOC", "FRGN_PASS");
    private static final Set<String> BIRTH_CERTS = Set.of("RF_BRTH_CERT", "FID_BRTH_CERT", "OLD_BRTH_CERT");
    private static final Set<String> MEDICAL = Set.of("MDCL_PLCY");

    private final PersonDirectory persons;
    private final AccessTokenVerifier tokens;
    private final Faults faults;
    private final Duration slowDelay;
    private final String baseUrl;

    PersonApiHandler(PersonDirectory persons, AccessTokenVerifier tokens, Faults faults, Duration slowDelay, String baseUrl) {
        this.persons = persons;
        this.tokens = tokens;
        this.faults = faults;
        this.slowDelay = slowDelay;
        this.baseUrl = baseUrl;
    }

    /** Thrown to end a request with an ESIA REST error. */
    private static final class ApiError extends Exception {
        final int status;
        final String code;

        ApiError(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    void handle(Request r) throws IOException {
        Optional<Fault> fault = faults.take(Fault.Target.PERSON);
        if (fault.isPresent()) {
            switch (fault.get()) {
                case PERSON_500 -> {
                    Responses.send(r.exchange, 500, "text/html;charset=UTF-8", "<html><body><h1>500 Internal Server Error</h1></body></html>");
                    return;
                }
                case PERSON_GARBAGE -> {
                    Responses.send(r.exchange, 200, "application/json;charset=UTF-8", "<html><body>Технические работы</body></html>");
                    return;
                }
                case PERSON_HUGE -> {
                    Responses.hugeJson(r.exchange);
                    return;
                }
                case PERSON_TRUNCATED -> {
                    // served below, cut in half
                }
                default -> {
                    if (!Sleeper.sleep(slowDelay)) {
                        return;
                    }
                }
            }
        }
        try {
            if (fault.isPresent() && fault.get() == Fault.PERSON_TRUNCATED) {
                Responses.truncatedJson(r.exchange, route(r));
                return;
            }
            Responses.json(r.exchange, 200, route(r));
        } catch (ApiError e) {
            LOG.log(Level.INFO, "{0} {1} -> {2}", r.method, PREFIX + "…", e.code);
            ObjectNode err = Json.object();
            err.put("code", e.code);
            err.put("message", e.getMessage());
            Responses.json(r.exchange, e.status, err);
        }
    }

    private JsonNode route(Request r) throws ApiError {
        String[] parts = r.path.substring(PREFIX.length()).split("/");
        long oid = parseId(parts[0]);
        Set<String> scopes = authorize(r.header("Authorization"), oid);
        Person person = persons.find(oid).orElseThrow(() -> new ApiError(404, "ESIA-005004", "Пользователь не найден"));
        String self = baseUrl + PREFIX + oid;
        if (parts.length == 1) {
            return person(person, scopes, r.query.get("embed"), self);
        }
        if (parts.length > 3) {
            throw notFound();
        }
        String collection = parts[1];
        List<JsonNode> items = collection(person, scopes, collection);
        if (parts.length == 2) {
            return urls(self + "/" + collection, items);
        }
        String id = parts[2];
        return items.stream().filter(i -> i.path("id").asText().equals(id)).findFirst().orElseThrow(PersonApiHandler::notFound);
    }

    private Set<String> authorize(String authorization, long oid) throws ApiError {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new ApiError(401, "ESIA-005011", "Отсутствует маркер доступа");
        }
        JsonNode payload = tokens.verify(authorization.substring("Bearer ".length()).trim())
                .orElseThrow(() -> new ApiError(401, "ESIA-005011", "Маркер доступа недействителен или истёк"));
        if (payload.path("urn:esia:sbj_id").asLong() != oid) {
            throw new ApiError(401, "ESIA-005011", "Маркер доступа выдан для другого пользователя");
        }
        Set<String> scopes = new HashSet<>();
        for (String s : payload.path("scope").asText().split(" ")) {
            int q = s.indexOf('?');
            scopes.add(q < 0 ? s : s.substring(0, q));
        }
        return scopes;
    }

    private ObjectNode person(Person p, Set<String> scopes, String embed, String self) throws ApiError {
        ObjectNode o = Json.object();
        if (scopes.contains("fullname")) {
            o.put("firstName", p.firstName());
            o.put("lastName", p.lastName());
            if (p.middleName() != null) {
                o.put("middleName", p.middleName());
            }
        }
        putIf(o, scopes.contains("birthdate"), "birthDate", p.birthDate());
        putIf(o, scopes.contains("gender"), "gender", p.gender());
        o.put("trusted", p.trusted());
        putIf(o, scopes.contains("citizenship"), "citizenship", p.citizenship());
        putIf(o, scopes.contains("snils"), "snils", p.snils());
        putIf(o, scopes.contains("inn"), "inn", p.inn());
        putIf(o, scopes.contains("birthplace"), "birthPlace", p.birthPlace());
        o.put("updatedOn", p.updatedOn());
        o.put("status", p.status());
        o.put("verifying", p.verifying());
        if (scopes.contains("id_doc")) {
            p.documents().stream().filter(d -> ID_DOCS.contains(d.path("type").asText())).findFirst()
                    .ifPresent(d -> o.put("rIdDoc", d.path("id").asLong()));
        }
        o.put("eTag", eTag(p));
        if (embed != null) {
            String list = embed.replace("(", "").replace(")", "");
            for (String item : Arrays.asList(list.split(","))) {
                String name = item.trim().replace(".elements", "");
                String collection = switch (name) {
                    case "contacts" -> "ctts";
                    case "documents" -> "docs";
                    case "addresses" -> "addrs";
                    case "kids" -> "kids";
                    default -> null;
                };
                if (collection == null || !allowed(scopes, collection)) {
                    continue; // like ESIA, an embed the token may not see is left out rather than failing the call
                }
                List<JsonNode> items = collection(p, scopes, collection);
                o.set(name, item.trim().endsWith(".elements") ? objects(items) : urls(self + "/" + collection, items));
            }
        }
        return o;
    }

    private static boolean allowed(Set<String> scopes, String collection) {
        return switch (collection) {
            case "ctts" -> scopes.contains("contacts") || scopes.contains("email") || scopes.contains("mobile");
            case "docs" -> scopes.contains("id_doc") || scopes.contains("birth_cert_doc") || scopes.contains("medical_doc");
            case "addrs" -> scopes.contains("addresses");
            case "kids" -> scopes.stream().anyMatch(s -> s.startsWith("kid_"));
            default -> false;
        };
    }

    private List<JsonNode> collection(Person p, Set<String> scopes, String collection) throws ApiError {
        if (!Set.of("ctts", "docs", "addrs", "kids").contains(collection)) {
            throw notFound();
        }
        if (!allowed(scopes, collection)) {
            throw new ApiError(403, "ESIA-005029", "Нет прав доступа к запрошенным данным (не предоставлена область доступа)");
        }
        return switch (collection) {
            case "ctts" -> filter(p.contacts(), c -> {
                String t = c.path("type").asText();
                return scopes.contains("contacts") || (scopes.contains("email") && ("EML".equals(t) || "CEM".equals(t)))
                        || (scopes.contains("mobile") && "MBT".equals(t));
            });
            case "docs" -> filter(p.documents(), d -> documentAllowed(d, scopes, ""));
            case "addrs" -> filter(p.addresses(), a -> true);
            default -> p.kids().stream().map(persons::find).flatMap(Optional::stream)
                    .map(kid -> (JsonNode) kid(kid, scopes)).toList();
        };
    }

    private static boolean documentAllowed(JsonNode d, Set<String> scopes, String prefix) {
        String t = d.path("type").asText();
        return (scopes.contains(prefix + "id_doc") && ID_DOCS.contains(t))
                || (scopes.contains(prefix + "birth_cert_doc") && BIRTH_CERTS.contains(t))
                || (scopes.contains(prefix + "medical_doc") && MEDICAL.contains(t));
    }

    /** A child as the parent sees it: served from the child's own record, limited by the kid_* scopes. */
    private ObjectNode kid(Person k, Set<String> scopes) {
        ObjectNode o = Json.object();
        o.put("id", k.oid());
        if (scopes.contains("kid_fullname")) {
            o.put("firstName", k.firstName());
            o.put("lastName", k.lastName());
            if (k.middleName() != null) {
                o.put("middleName", k.middleName());
            }
        }
        putIf(o, scopes.contains("kid_birthdate"), "birthDate", k.birthDate());
        putIf(o, scopes.contains("kid_gender"), "gender", k.gender());
        putIf(o, scopes.contains("kid_snils"), "snils", k.snils());
        putIf(o, scopes.contains("kid_inn"), "inn", k.inn());
        List<JsonNode> docs = filter(k.documents(), d -> documentAllowed(d, scopes, "kid_"));
        if (scopes.contains("kid_birth_cert_doc") || scopes.contains("kid_medical_doc")) {
            o.set("documents", objects(docs));
        }
        return o;
    }

    private static List<JsonNode> filter(List<ObjectNode> list, Predicate<JsonNode> keep) {
        return list.stream().filter(keep).map(n -> (JsonNode) n).toList();
    }

    private static ObjectNode urls(String base, List<JsonNode> items) {
        ObjectNode o = Json.object();
        o.putArray("stateFacts").add("hasSize");
        o.put("size", items.size());
        ArrayNode a = o.putArray("elements");
        items.forEach(i -> a.add(base + "/" + i.path("id").asText()));
        return o;
    }

    private static ObjectNode objects(List<JsonNode> items) {
        ObjectNode o = Json.object();
        o.putArray("stateFacts").add("hasSize");
        o.put("size", items.size());
        o.putArray("elements").addAll(items);
        return o;
    }

    private static void putIf(ObjectNode o, boolean condition, String field, String value) {
        if (condition && value != null) {
            o.put(field, value);
        }
    }

    private static String eTag(Person p) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-1").digest((p.oid() + ":" + p.updatedOn()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long parseId(String s) throws ApiError {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw notFound();
        }
    }

    private static ApiError notFound() {
        return new ApiError(404, "ESIA-005004", "Объект не найден");
    }
}
