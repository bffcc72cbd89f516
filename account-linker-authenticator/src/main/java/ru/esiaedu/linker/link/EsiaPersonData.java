package ru.esiaedu.linker.link;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The few fields of the ESIA person document ({@code esia.person}, written by esia-idp) that the link and
 * request steps need. Everything else in the document stays where it is.
 *
 * @param oid         the ESIA person id
 * @param accountType {@code CONFIRMED}, {@code SIMPLIFIED} or {@code CHILD}
 * @param email       the verified e-mail, or null
 * @param childNames  full names of the children ESIA lists for this person (may be empty)
 */
public record EsiaPersonData(String oid, String accountType, String email, List<String> childNames) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean confirmed() {
        return "CONFIRMED".equals(accountType);
    }

    /** Reads the document; empty when it is missing or not JSON (the caller treats that as a broken login). */
    public static Optional<EsiaPersonData> parse(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            return Optional.empty();
        }
        String oid = text(root, "oid");
        if (oid == null) {
            return Optional.empty();
        }
        List<String> children = new ArrayList<>();
        for (JsonNode child : root.path("children")) {
            String name = String.join(" ", nonBlank(text(child, "lastName"), text(child, "firstName"), text(child, "middleName")));
            if (!name.isBlank()) {
                children.add(name);
            }
        }
        return Optional.of(new EsiaPersonData(oid, text(root, "accountType"), text(root, "email"), List.copyOf(children)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private static List<String> nonBlank(String... parts) {
        List<String> result = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                result.add(part.trim());
            }
        }
        return result;
    }
}
