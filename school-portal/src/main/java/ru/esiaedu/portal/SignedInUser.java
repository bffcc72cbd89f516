package ru.esiaedu.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who signed in, from the verified ID token: the full name (Фамилия Имя Отчество), the profile chosen for
 * this login ({@code school_profile}) and all profiles of the person ({@code school_profiles}); see
 * docs/account-linker.md#tokens.
 */
public record SignedInUser(String subject, String username, String fullName, Optional<Profile> profile, List<Profile> profiles) {

    /** One registry account of the person. {@code className} is empty for staff and accounts without a class. */
    public record Profile(String role, String organisationId, String organisationName, String className, String registryId) {

        static Optional<Profile> from(JsonNode node) {
            if (node == null || !node.isObject() || !node.hasNonNull("role")) {
                return Optional.empty();
            }
            return Optional.of(new Profile(node.path("role").asText().toUpperCase(Locale.ROOT),
                    text(node, "organisation_id"), text(node, "organisation_name"), text(node, "class"), text(node, "registry_id")));
        }

        /** «Родитель», «Учащийся», «Педагог / сотрудник» (the profile picker's words). */
        public String roleName() {
            return switch (role) {
                case "PARENT" -> "Родитель";
                case "STUDENT" -> "Учащийся";
                case "STAFF" -> "Педагог / сотрудник";
                default -> role;
            };
        }

        public boolean sameAccount(Profile other) {
            return other != null && registryId.equals(other.registryId) && role.equals(other.role)
                    && organisationId.equals(other.organisationId);
        }
    }

    public static SignedInUser from(JsonNode claims) {
        String name = String.join(" ", nonEmpty(text(claims, "family_name"), text(claims, "given_name"), text(claims, "middle_name")));
        if (name.isBlank()) {
            name = text(claims, "name");
        }
        if (name.isBlank()) {
            name = text(claims, "preferred_username");
        }
        Optional<Profile> current = Profile.from(claims.get("school_profile"));
        List<Profile> all = new ArrayList<>();
        for (JsonNode node : claims.path("school_profiles")) {
            Profile.from(node).ifPresent(all::add);
        }
        if (all.isEmpty()) {
            current.ifPresent(all::add);
        }
        return new SignedInUser(text(claims, "sub"), text(claims, "preferred_username"), name, current, List.copyOf(all));
    }

    private static List<String> nonEmpty(String... parts) {
        List<String> result = new ArrayList<>();
        for (String part : parts) {
            if (!part.isBlank()) {
                result.add(part.trim());
            }
        }
        return result;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
