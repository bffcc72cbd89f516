package ru.esiaedu.registry.normalize;

import java.util.Locale;
import java.util.Optional;

/** E-mail addresses: trimmed, lower case (local part and domain); not an address → empty. */
public final class Emails {

    private Emails() {}

    public static Optional<String> normalize(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String e = email.strip().toLowerCase(Locale.ROOT);
        int at = e.indexOf('@');
        if (at <= 0 || at != e.lastIndexOf('@') || at == e.length() - 1) {
            return Optional.empty();
        }
        for (int i = 0; i < e.length(); i++) {
            if (Character.isWhitespace(e.charAt(i)) || Character.isISOControl(e.charAt(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(e);
    }
}
