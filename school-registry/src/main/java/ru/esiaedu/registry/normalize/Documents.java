package ru.esiaedu.registry.normalize;

import java.util.Locale;

/**
 * Identity document series and numbers for comparison.
 * <ul>
 * <li>{@link #normalize}: upper case, spaces and dashes removed; a birth-certificate series (a Roman numeral and
 * two Cyrillic letters) gets its Roman part in Latin letters and its letter part in Cyrillic, whichever
 * look-alike keyboard layout the person typed it in: {@code IV-МЮ}, {@code IVМЮ}, {@code iv мю}, {@code IV-MЮ}
 * (Latin M) all give {@code IVМЮ}.</li>
 * <li>{@link #normalizePassport}: digits only ({@code "45 09"} → {@code "4509"}).</li>
 * </ul>
 * Null or blank → null.
 */
public final class Documents {

    private static final String LATIN_LOOKALIKES = "ABCEHKMOPTXY";
    private static final String CYRILLIC_TWINS = "АВСЕНКМОРТХУ";

    private Documents() {}

    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder compact = new StringBuilder(value.length());
        String upper = value.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || (c >= '\u2010' && c <= '\u2015')) {
                continue;
            }
            compact.append(c == 'Ё' ? 'Е' : c);
        }
        if (compact.length() == 0) {
            return null;
        }
        String birthSeries = birthCertificateSeries(compact);
        return birthSeries != null ? birthSeries : compact.toString();
    }

    /** Passport series or number (or both together): digits only. */
    public static String normalizePassport(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.length() == 0 ? null : digits.toString();
    }

    /** Normalises a series or number according to the document type. */
    public static String normalize(ru.esiaedu.registry.DocumentType type, String value) {
        return type == ru.esiaedu.registry.DocumentType.PASSPORT ? normalizePassport(value) : normalize(value);
    }

    /** Roman numeral (Latin I V X L C or their look-alikes) followed by exactly two letters; else null. */
    private static String birthCertificateSeries(CharSequence s) {
        int n = s.length();
        if (n < 3) {
            return null;
        }
        StringBuilder roman = new StringBuilder(n);
        for (int i = 0; i < n - 2; i++) {
            char r = toRoman(s.charAt(i));
            if (r == 0) {
                return null;
            }
            roman.append(r);
        }
        char a = toCyrillic(s.charAt(n - 2));
        char b = toCyrillic(s.charAt(n - 1));
        if (a == 0 || b == 0) {
            return null;
        }
        return roman.append(a).append(b).toString();
    }

    private static char toRoman(char c) {
        return switch (c) {
            case 'I', 'V', 'X', 'L', 'C' -> c;
            case '\u0406', '\u04C0', '1' -> 'I';   // Ukrainian І, palochka, the digit one
            case 'Х' -> 'X';                        // Cyrillic Ха
            case 'С' -> 'C';                        // Cyrillic Эс
            default -> 0;
        };
    }

    private static char toCyrillic(char c) {
        if (c >= 'А' && c <= 'Я') {
            return c;
        }
        int latin = LATIN_LOOKALIKES.indexOf(c);
        return latin >= 0 ? CYRILLIC_TWINS.charAt(latin) : 0;
    }
}
