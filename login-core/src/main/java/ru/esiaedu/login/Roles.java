package ru.esiaedu.login;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ru.esiaedu.registry.RegistryRole;

/** Role names as clients, forms and notes spell them. */
public final class Roles {

    private Roles() {
    }

    /**
     * {@code parent|student|staff} (the authorization request parameter {@code role}) or the enum
     * names ({@code PARENT}, as stored in notes); anything else is empty.
     */
    public static Optional<RegistryRole> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.trim().toUpperCase(Locale.ROOT);
        for (RegistryRole role : RegistryRole.values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The value used in URLs and forms: {@code parent}, {@code student}, {@code staff}. */
    public static String param(RegistryRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Roles offered on the page, in the page's order (parents, students, staff), from the config value
     * ("##"- or comma-separated); empty or unreadable config offers all three.
     */
    public static List<RegistryRole> offered(String config) {
        List<RegistryRole> order = List.of(RegistryRole.PARENT, RegistryRole.STUDENT, RegistryRole.STAFF);
        if (config == null || config.isBlank()) {
            return order;
        }
        List<RegistryRole> chosen = new ArrayList<>();
        for (String part : config.split("##|,")) {
            parse(part).ifPresent(chosen::add);
        }
        List<RegistryRole> result = new ArrayList<>();
        for (RegistryRole role : order) {
            if (chosen.contains(role)) {
                result.add(role);
            }
        }
        return result.isEmpty() ? order : result;
    }
}
