package ru.esiaedu.emulator;

import java.util.Base64;

/** base64url helpers; decoding is lenient about padding and the standard alphabet. */
final class Base64Url {
    private Base64Url() {
    }

    static String encode(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Decodes padded or unpadded base64url (and tolerates '+' '/'); null when not base64 at all. */
    static byte[] decodeLenient(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().replace('+', '-').replace('/', '_').replace("=", "");
        try {
            return Base64.getUrlDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
