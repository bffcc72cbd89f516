package ru.esiaedu.registry.normalize;

import java.util.Locale;

/**
 * Person names for comparison: upper case, Ё→Е, hyphens (and dashes) and runs of white space collapsed into one
 * space, trimmed. {@code " Петрова-Водкина  Алёна "} → {@code "ПЕТРОВА ВОДКИНА АЛЕНА"}. Null or blank → null.
 */
public final class Names {

    private Names() {}

    public static String normalize(String name) {
        if (name == null) {
            return null;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(upper.length());
        boolean pendingSpace = false;
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c == 'Ё') {
                c = 'Е';
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '\u2010'
                    || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014') {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.length() == 0 ? null : out.toString();
    }
}
