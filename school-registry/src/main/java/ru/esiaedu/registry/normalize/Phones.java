package ru.esiaedu.registry.normalize;

import java.util.Optional;

/** CONTRACT STUB (replaced by the school-registry branch): minimal behaviour of the contract. */
public final class Phones {
    private Phones() {
    }

    /** 11 digits starting with 7; garbage → empty. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[^0-9]", "");
        if (raw.replaceAll("[0-9+()\\-\\s.]", "").length() > 0) {
            return Optional.empty();
        }
        if (digits.length() == 10 && digits.startsWith("9")) {
            digits = "7" + digits;
        } else if (digits.length() == 11 && digits.startsWith("8")) {
            digits = "7" + digits.substring(1);
        }
        return digits.length() == 11 && digits.startsWith("7") ? Optional.of(digits) : Optional.empty();
    }
}
