package ru.esiaedu.registry.normalize;

import java.util.Locale;

/** CONTRACT STUB (replaced by the school-registry branch): minimal behaviour of the contract. */
public final class Names {
    private Names() {
    }

    /** Upper case, Ё→Е, hyphens and repeated spaces collapsed to one space, trimmed; null stays null. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        return raw.toUpperCase(new Locale("ru")).replace('Ё', 'Е').replaceAll("[\\-\\s]+", " ").trim();
    }
}
