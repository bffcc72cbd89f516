package ru.esiaedu.registry.normalize;

import java.util.Optional;

/**
 * Russian phone numbers to 11 digits {@code 7XXXXXXXXXX}: {@code +7 901 111-11-11}, {@code 8 (901) 1111111},
 * {@code 79011111111}, {@code +7(901)1111111}, {@code 9011111111} all give {@code 79011111111}.
 */
public final class Phones {

    private Phones() {}

    public static Optional<String> normalize(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String trimmed = phone.strip();
        StringBuilder digits = new StringBuilder(11);
        boolean plus = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+') {
                if (i != 0) {
                    return Optional.empty();          // a plus only in front
                }
                plus = true;
            } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' && c != '\u00a0'
                    && c != '\u2011' && c != '\u2013' && c != '\u2012') {
                return Optional.empty();              // letters, extensions, anything else: garbage
            }
        }
        String d = digits.toString();
        if (d.length() == 11 && d.charAt(0) == '7') {
            return Optional.of(d);
        }
        if (d.length() == 11 && d.charAt(0) == '8' && !plus) {
            return Optional.of("7" + d.substring(1));  // trunk prefix 8
        }
        if (d.length() == 10 && !plus && d.charAt(0) != '0' && d.charAt(0) != '7' && d.charAt(0) != '8') {
            return Optional.of("7" + d);               // without the country code
        }
        return Optional.empty();
    }
}
