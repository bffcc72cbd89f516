package ru.esiaedu.registry.normalize;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Legacy logins of the school system for comparison: Unicode-compatible form (full-width letters become ordinary
 * ones), every kind of white space around it removed ({@link String#strip}, which also drops U+2003 and U+3000),
 * lower case. The registry looks a login up with this and the attempt counter keys on it, so no spelling of one
 * login gets a fresh counter. Null or blank → null.
 */
public final class Logins {

    private Logins() {
    }

    public static String normalize(String login) {
        if (login == null) {
            return null;
        }
        String value = Normalizer.normalize(login, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return value.isEmpty() ? null : value;
    }
}
