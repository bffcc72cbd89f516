package ru.esiaedu.registry.normalize;

import java.util.Locale;
import java.util.Optional;

/** CONTRACT STUB (replaced by the school-registry branch): minimal behaviour of the contract. */
public final class Emails {
    private Emails() {
    }

    /** Trimmed, lower case; no {@code @} → empty. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        int at = value.indexOf('@');
        return at > 0 && at < value.length() - 1 ? Optional.of(value) : Optional.empty();
    }
}
