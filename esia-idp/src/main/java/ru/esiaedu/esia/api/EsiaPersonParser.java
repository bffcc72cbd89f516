package ru.esiaedu.esia.api;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Pure parsing of ESIA person API JSON (no I/O). Unknown fields are ignored; a known field of the
 * wrong JSON type gives {@link EsiaApiException.Kind#MALFORMED_RESPONSE}. Dates ({@code dd.MM.yyyy})
 * that do not parse become null. Messages name the field, never its value.
 */
public final class EsiaPersonParser {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * A collection such as {@code {"elements":[...],"size":1}}: its elements are either embedded
     * objects or links (URL strings) to fetch.
     */
    public record Elements(List<JsonNode> embedded, List<String> links) {
        public static final Elements EMPTY = new Elements(List.of(), List.of());

        public Elements {
            embedded = List.copyOf(embedded);
            links = List.copyOf(links);
        }

        public boolean isEmpty() {
            return embedded.isEmpty() && links.isEmpty();
        }
    }

    private EsiaPersonParser() {
    }

    /**
     * The person's own fields; collections are left to the caller.
     *
     * @param oid the oid from the token (the person JSON has none)
     */
    public static EsiaPerson.Builder person(String oid, JsonNode node) throws EsiaApiException {
        requireObject(node, "person");
        return EsiaPerson.builder(oid)
                .firstName(text(node, "firstName", "person"))
                .lastName(text(node, "lastName", "person"))
                .middleName(text(node, "middleName", "person"))
                .birthDate(date(node, "birthDate", "person"))
                .gender(gender(node, "person"))
                .snils(text(node, "snils", "person"))
                .citizenship(text(node, "citizenship", "person"))
                .trusted(bool(node, "trusted", "person"))
                .status(text(node, "status", "person"));
    }

    /**
     * The person with its <em>embedded</em> contacts and documents; linked elements are ignored
     * (see {@link EsiaPersonClient} for following links).
     */
    public static EsiaPerson parse(String oid, JsonNode node) throws EsiaApiException {
        EsiaPerson.Builder b = person(oid, node);
        for (JsonNode c : collection(node.get("contacts"), "contacts").embedded()) {
            b.addContact(contact(c));
        }
        for (JsonNode d : collection(node.get("documents"), "documents").embedded()) {
            b.addDocument(document(d));
        }
        return b.build();
    }

    public static EsiaContact contact(JsonNode node) throws EsiaApiException {
        requireObject(node, "contact");
        return new EsiaContact(id(node, "id", "contact"), text(node, "type", "contact"),
                text(node, "value", "contact"), verified(node, "contact"));
    }

    public static EsiaDocument document(JsonNode node) throws EsiaApiException {
        requireObject(node, "document");
        return new EsiaDocument(id(node, "id", "document"), text(node, "type", "document"),
                text(node, "series", "document"), text(node, "number", "document"),
                date(node, "issueDate", "document"), text(node, "issuedBy", "document"),
                text(node, "issueId", "document"), text(node, "actNo", "document"),
                date(node, "actDate", "document"), verified(node, "document"));
    }

    /** A child, with its embedded documents (linked ones are left to the caller). */
    public static EsiaKid kid(JsonNode node) throws EsiaApiException {
        requireObject(node, "kid");
        String oid = id(node, "id", "kid");
        if (oid == null) {
            oid = id(node, "oid", "kid");
        }
        List<EsiaDocument> docs = new ArrayList<>();
        for (JsonNode d : collection(node.get("documents"), "kid documents").embedded()) {
            docs.add(document(d));
        }
        return new EsiaKid(oid, text(node, "firstName", "kid"), text(node, "lastName", "kid"),
                text(node, "middleName", "kid"), date(node, "birthDate", "kid"), gender(node, "kid"),
                text(node, "snils", "kid"), docs);
    }

    /**
     * Splits a collection into embedded objects and links. Null/missing/JSON null → empty. A bare
     * JSON array is accepted as the elements themselves.
     */
    public static Elements collection(JsonNode node, String what) throws EsiaApiException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Elements.EMPTY;
        }
        JsonNode elements;
        if (node.isArray()) {
            elements = node;
        } else if (node.isObject()) {
            elements = node.get("elements");
            if (elements == null || elements.isNull()) {
                return Elements.EMPTY;
            }
            if (!elements.isArray()) {
                throw malformed(what + ".elements is not an array");
            }
        } else {
            throw malformed(what + " is not a collection object");
        }
        List<JsonNode> embedded = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (JsonNode e : elements) {
            if (e.isObject()) {
                embedded.add(e);
            } else if (e.isTextual()) {
                links.add(e.asText());
            } else {
                throw malformed(what + " has an element that is neither an object nor a link");
            }
        }
        return new Elements(embedded, links);
    }

    private static void requireObject(JsonNode node, String what) throws EsiaApiException {
        if (node == null || !node.isObject()) {
            throw malformed(what + " is not a JSON object");
        }
    }

    private static String text(JsonNode node, String field, String what) throws EsiaApiException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw malformed(what + "." + field + " is not a string");
        }
        return v.asText();
    }

    /** Ids are numbers in ESIA's JSON; text is accepted too. */
    private static String id(JsonNode node, String field, String what) throws EsiaApiException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() || v.isTextual()) {
            return v.asText();
        }
        throw malformed(what + "." + field + " is not a number or string");
    }

    private static boolean bool(JsonNode node, String field, String what) throws EsiaApiException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw malformed(what + "." + field + " is not a boolean");
        }
        return v.booleanValue();
    }

    private static LocalDate date(JsonNode node, String field, String what) throws EsiaApiException {
        String s = text(node, field, what);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim(), DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String gender(JsonNode node, String what) throws EsiaApiException {
        String g = text(node, "gender", what);
        if (g == null) {
            return null;
        }
        String u = g.trim().toUpperCase(Locale.ROOT);
        return "M".equals(u) || "F".equals(u) ? u : null;
    }

    private static boolean verified(JsonNode node, String what) throws EsiaApiException {
        return "VERIFIED".equals(text(node, "vrfStu", what));
    }

    private static EsiaApiException malformed(String what) {
        return new EsiaApiException(EsiaApiException.Kind.MALFORMED_RESPONSE, "ESIA person API: " + what);
    }
}
