package ru.esiaedu.esia.person;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.api.EsiaDocument;
import ru.esiaedu.esia.api.EsiaKid;
import ru.esiaedu.esia.api.EsiaPerson;

/**
 * The normalised person document the ESIA provider puts into the brokered context under {@link #CONTEXT_KEY}: dates
 * ISO, documents as objects, only verified contacts. This class is the only place that spells its field names — the
 * provider writes it with {@link #write}, the login steps read it with {@link #read} (docs/esia-idp.md).
 */
public final class EsiaPersonDocument {

    /** Context-data key of the document in the brokered identity. */
    public static final String CONTEXT_KEY = "esia.person";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private EsiaPersonDocument() {
    }

    /** The document for this person and account level. */
    public static ObjectNode write(EsiaPerson person, AccountType accountType) {
        ObjectNode node = JSON.createObjectNode();
        node.put("oid", person.oid());
        node.put("lastName", person.lastName());
        node.put("firstName", person.firstName());
        node.put("middleName", person.middleName());
        node.put("birthDate", iso(person.birthDate()));
        node.put("gender", person.gender());
        node.put("snils", person.snils());
        node.put("trusted", person.trusted());
        node.put("accountType", accountType.name());
        node.put("email", person.verifiedEmail().orElse(null));
        node.put("mobile", person.verifiedMobile().orElse(null));
        node.set("passport", documentJson(person.passport()));
        node.set("birthCertificate", documentJson(person.birthCertificate()));
        ArrayNode children = node.putArray("children");
        for (EsiaKid kid : person.kids()) {
            ObjectNode child = children.addObject();
            child.put("oid", kid.oid());
            child.put("lastName", kid.lastName());
            child.put("firstName", kid.firstName());
            child.put("middleName", kid.middleName());
            child.put("birthDate", iso(kid.birthDate()));
            child.put("gender", kid.gender());
            child.put("snils", kid.snils());
            child.set("birthCertificate", documentJson(kid.birthCertificate()));
        }
        return node;
    }

    /**
     * The person from a context value ({@link #CONTEXT_KEY}); empty when it is missing, not JSON or has no oid — the
     * caller decides what a login without a readable person means.
     */
    public static Optional<BrokeredEsiaPerson> read(Object contextValue) {
        if (contextValue == null) {
            return Optional.empty();
        }
        String json = contextValue.toString();
        if (json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(json));
        } catch (IllegalArgumentException broken) {
            return Optional.empty();
        }
    }

    /** @throws IllegalArgumentException when the document is not JSON or has no oid */
    public static BrokeredEsiaPerson parse(String json) {
        JsonNode node;
        try {
            node = json == null ? null : JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("esia.person is not JSON");
        }
        if (node == null || !node.isObject() || text(node, "oid") == null) {
            throw new IllegalArgumentException("esia.person has no oid");
        }
        return new BrokeredEsiaPerson(
                text(node, "oid"),
                text(node, "lastName"),
                text(node, "firstName"),
                text(node, "middleName"),
                date(text(node, "birthDate")),
                text(node, "snils"),
                node.path("trusted").asBoolean(false),
                accountType(text(node, "accountType")),
                text(node, "email"),
                text(node, "mobile"),
                document(node.get("passport")),
                document(node.get("birthCertificate")),
                childNames(node.path("children")));
    }

    private static ObjectNode documentJson(Optional<EsiaDocument> document) {
        if (document.isEmpty()) {
            return null;
        }
        EsiaDocument doc = document.get();
        ObjectNode node = JSON.createObjectNode();
        node.put("type", doc.type());
        node.put("series", doc.series());
        node.put("number", doc.number());
        node.put("issueDate", iso(doc.issueDate()));
        node.put("issuedBy", doc.issuedBy());
        node.put("actNo", doc.actNo());
        node.put("actDate", iso(doc.actDate()));
        node.put("verified", doc.verified());
        return node;
    }

    private static String iso(LocalDate date) {
        return date == null ? null : ISO_DATE.format(date);
    }

    /** «Фамилия Имя Отчество» of each child, blank parts left out. */
    private static List<String> childNames(JsonNode children) {
        List<String> names = new ArrayList<>();
        for (JsonNode child : children) {
            StringJoiner name = new StringJoiner(" ");
            for (String part : new String[] {text(child, "lastName"), text(child, "firstName"), text(child, "middleName")}) {
                if (part != null) {
                    name.add(part);
                }
            }
            if (name.length() > 0) {
                names.add(name.toString());
            }
        }
        return names;
    }

    /** An unknown or missing level is the least trusted one. */
    private static AccountType accountType(String value) {
        if (value == null) {
            return AccountType.SIMPLIFIED;
        }
        try {
            return AccountType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return AccountType.SIMPLIFIED;
        }
    }

    private static BrokeredEsiaPerson.Document document(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        String number = text(node, "number");
        return number == null ? null : new BrokeredEsiaPerson.Document(text(node, "series"), number);
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }
}
