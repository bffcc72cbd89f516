package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One test person from persons.json (every field is documented in README.md). Contacts, documents
 * and addresses are kept as JSON objects so they are served exactly as written in the file.
 */
record Person(long oid, String password, String accountLevel, String status, boolean trusted, boolean verifying,
              String description, String lastName, String firstName, String middleName, String birthDate,
              String gender, String snils, String inn, String birthPlace, String citizenship, long updatedOn,
              List<ObjectNode> contacts, List<ObjectNode> documents, List<ObjectNode> addresses,
              List<Long> kids, List<Long> parents) {

    Person {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        documents = documents == null ? List.of() : List.copyOf(documents);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        kids = kids == null ? List.of() : List.copyOf(kids);
        parents = parents == null ? List.of() : List.copyOf(parents);
    }

    boolean deleted() {
        return "DELETED".equals(status);
    }

    String displayName() {
        return lastName + " " + firstName + (middleName == null || middleName.isEmpty() ? "" : " " + middleName);
    }

    /** Russian name of the account kind shown on the login page. */
    String accountKind() {
        if (deleted()) {
            return "удалённая учётная запись";
        }
        return switch (accountLevel) {
            case "PR" -> "подтверждённая учётная запись";
            case "KD" -> "детская учётная запись";
            default -> "упрощённая учётная запись";
        };
    }
}
