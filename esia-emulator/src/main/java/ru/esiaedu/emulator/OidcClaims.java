package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.Optional;

/** A person of persons.json as OpenID Connect standard claims, by scope (OIDC Core 5.4). */
final class OidcClaims {
    private OidcClaims() {
    }

    static ObjectNode of(Person person, Collection<String> scopes) {
        ObjectNode claims = Json.object();
        claims.put("sub", Long.toString(person.oid()));
        if (scopes.contains("profile")) {
            claims.put("preferred_username", Long.toString(person.oid()));
            claims.put("name", person.displayName());
            claims.put("family_name", person.lastName());
            claims.put("given_name", person.firstName());
            if (person.middleName() != null && !person.middleName().isEmpty()) {
                claims.put("middle_name", person.middleName());
            }
            isoDate(person.birthDate()).ifPresent(d -> claims.put("birthdate", d));
            if ("M".equals(person.gender()) || "F".equals(person.gender())) {
                claims.put("gender", "M".equals(person.gender()) ? "male" : "female");
            }
            claims.put("updated_at", person.updatedOn());
        }
        if (scopes.contains("email")) {
            verifiedContact(person, "EML").ifPresent(mail -> {
                claims.put("email", mail);
                claims.put("email_verified", true);
            });
        }
        if (scopes.contains("phone")) {
            verifiedContact(person, "MBT").ifPresent(phone -> {
                claims.put("phone_number", "+" + phone.replaceAll("\\D", ""));
                claims.put("phone_number_verified", true);
            });
        }
        return claims;
    }

    private static Optional<String> verifiedContact(Person person, String type) {
        return person.contacts().stream()
                .filter(c -> type.equals(c.path("type").asText()) && "VERIFIED".equals(c.path("vrfStu").asText()))
                .map(c -> c.path("value").asText())
                .filter(v -> !v.isBlank())
                .findFirst();
    }

    /** {@code dd.MM.yyyy} as persons.json keeps it → {@code yyyy-MM-dd}. */
    private static Optional<String> isoDate(String esiaDate) {
        if (esiaDate == null || !esiaDate.matches("\\d{2}\\.\\d{2}\\.\\d{4}")) {
            return Optional.empty();
        }
        return Optional.of(esiaDate.substring(6) + "-" + esiaDate.substring(3, 5) + "-" + esiaDate.substring(0, 2));
    }
}
