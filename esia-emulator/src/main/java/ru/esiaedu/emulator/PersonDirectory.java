package ru.esiaedu.emulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The test persons and the login lookup by phone, e-mail or SNILS. */
final class PersonDirectory {
    private final Map<Long, Person> byOid;

    private PersonDirectory(Map<Long, Person> byOid) {
        this.byOid = byOid;
    }

    static PersonDirectory load(Path file) {
        try {
            String text = file == null ? Pem.classpathText("persons.json") : Files.readString(file);
            JsonNode root = Json.MAPPER.readTree(text);
            List<Person> list = Json.MAPPER.convertValue(root.path("persons"), new TypeReference<List<Person>>() { });
            Map<Long, Person> map = new LinkedHashMap<>();
            for (Person p : list) {
                if (map.put(p.oid(), p) != null) {
                    throw new IllegalStateException("persons.json: duplicate oid " + p.oid());
                }
            }
            for (Person p : list) {
                for (Long kid : p.kids()) {
                    if (!map.containsKey(kid)) {
                        throw new IllegalStateException("persons.json: person " + p.oid() + " lists unknown kid " + kid);
                    }
                }
            }
            return new PersonDirectory(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Person> find(long oid) {
        return Optional.ofNullable(byOid.get(oid));
    }

    Collection<Person> all() {
        return byOid.values();
    }

    /**
     * Finds the person a login belongs to: an e-mail (case-insensitive), a mobile phone in any Russian
     * form (+7…, 8…, 10 digits, with any separators) or a SNILS with or without separators. Like ESIA,
     * only VERIFIED contacts work as a login.
     */
    Optional<Person> findByLogin(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        String trimmed = login.trim();
        if (trimmed.contains("@")) {
            String mail = trimmed.toLowerCase(Locale.ROOT);
            return byOid.values().stream()
                    .filter(p -> p.contacts().stream().anyMatch(c -> isVerified(c) && "EML".equals(type(c))
                            && mail.equals(value(c).trim().toLowerCase(Locale.ROOT))))
                    .findFirst();
        }
        if (!trimmed.matches("[0-9+()\\-\\s.]+")) {
            return Optional.empty();
        }
        String digits = trimmed.replaceAll("\\D", "");
        if (digits.length() == 11 && !trimmed.startsWith("+")) {
            Optional<Person> bySnils = byOid.values().stream()
                    .filter(p -> p.snils() != null && digits.equals(p.snils().replaceAll("\\D", "")))
                    .findFirst();
            if (bySnils.isPresent()) {
                return bySnils;
            }
        }
        String phone = phoneKey(digits);
        if (phone == null) {
            return Optional.empty();
        }
        return byOid.values().stream()
                .filter(p -> p.contacts().stream().anyMatch(c -> isVerified(c) && "MBT".equals(type(c))
                        && phone.equals(phoneKey(value(c).replaceAll("\\D", "")))))
                .findFirst();
    }

    /** The 10 national digits of a Russian mobile number, or null. */
    static String phoneKey(String digits) {
        if (digits.length() == 11 && (digits.charAt(0) == '7' || digits.charAt(0) == '8')) {
            return digits.substring(1);
        }
        return digits.length() == 10 ? digits : null;
    }

    private static boolean isVerified(ObjectNode c) {
        return "VERIFIED".equals(c.path("vrfStu").asText());
    }

    private static String type(ObjectNode c) {
        return c.path("type").asText();
    }

    private static String value(ObjectNode c) {
        return c.path("value").asText();
    }
}
