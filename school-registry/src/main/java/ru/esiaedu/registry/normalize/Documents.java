package ru.esiaedu.registry.normalize;

import java.util.Locale;

/** CONTRACT STUB (replaced by the school-registry branch): minimal behaviour of the contract. */
public final class Documents {
    private static final String LATIN = "ABEKMHOPCTYX";
    private static final String CYRILLIC = "АВЕКМНОРСТУХ";

    private Documents() {
    }

    /**
     * Upper case, spaces and dashes removed; a birth-certificate series (Roman numeral + two letters)
     * gets Latin look-alikes in its letter part mapped to Cyrillic ({@code IV-МЮ} == {@code iv мю}).
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.toUpperCase(new Locale("ru")).replaceAll("[\\s\\-]", "");
        if (value.matches("[IVXLC]+[A-ZА-Я]{2}")) {
            int letters = value.length() - 2;
            StringBuilder out = new StringBuilder(value.substring(0, letters));
            for (char c : value.substring(letters).toCharArray()) {
                int i = LATIN.indexOf(c);
                out.append(i >= 0 ? CYRILLIC.charAt(i) : c);
            }
            return out.toString();
        }
        return value;
    }
}
