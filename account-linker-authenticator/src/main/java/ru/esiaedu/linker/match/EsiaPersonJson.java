package ru.esiaedu.linker.match;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the {@code esia.person} JSON document of the ESIA provider (see docs/esia-idp.md). */
public final class EsiaPersonJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EsiaPersonJson() {
    }

    /** @throws IllegalArgumentException when the document is not JSON or has no oid */
    public static EsiaPersonData parse(String json) {
        JsonNode node;
        try {
            node = json == null ? null : JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("esia.person is not JSON");
        }
        if (node == null || !node.isObject() || text(node, "oid") == null) {
            throw new IllegalArgumentException("esia.person has no oid");
        }
        return new EsiaPersonData(
                text(node, "oid"),
                text(node, "lastName"),
                text(node, "firstName"),
                text(node, "middleName"),
                date(text(node, "birthDate")),
                text(node, "snils"),
                node.path("trusted").asBoolean(false),
                kind(text(node, "accountType")),
                verified(node, "email", "emailVerified"),
                verified(node, "mobile", "mobileVerified"),
                document(node.get("passport")),
                document(node.get("birthCertificate")),
                childNames(node.path("children")));
    }

    /** Like {@link #parse}, but empty instead of an exception when the document is missing, not JSON or has no oid. */
    public static Optional<EsiaPersonData> read(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(json));
        } catch (IllegalArgumentException broken) {
            return Optional.empty();
        }
    }

    /** «Фамилия Имя Отчество» of each child ESIA lists, blank parts left out. */
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

    private static EsiaPersonData.AccountKind kind(String value) {
        if (value == null) {
            return EsiaPersonData.AccountKind.SIMPLIFIED;
        }
        try {
            return EsiaPersonData.AccountKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return EsiaPersonData.AccountKind.SIMPLIFIED;   // unknown level: the least trusted
        }
    }

    /** The provider exports verified contacts only; an explicit "…Verified": false is honoured as well. */
    private static String verified(JsonNode node, String field, String flag) {
        JsonNode verifiedFlag = node.get(flag);
        if (verifiedFlag != null && !verifiedFlag.asBoolean(false)) {
            return null;
        }
        return text(node, field);
    }

    private static EsiaPersonData.Document document(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        String series = text(node, "series");
        String number = text(node, "number");
        return number == null ? null : new EsiaPersonData.Document(series, number);
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
