package ru.esiaedu.esia.crypto;

import java.util.Base64;

/** base64url helpers (RFC 4648 §5) as ESIA uses them: no padding on output, tolerant on input. */
public final class Base64Url {

    private Base64Url() {
    }

    /** base64url without padding. */
    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Decodes base64url or standard base64, with or without padding.
     *
     * @throws IllegalArgumentException not base64 (the message does not echo the input)
     */
    public static byte[] decodeLenient(String text) {
        if (text == null) {
            throw new IllegalArgumentException("base64 text is missing");
        }
        String s = text.strip().replace('+', '-').replace('/', '_');
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        try {
            return Base64.getUrlDecoder().decode(s.substring(0, end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not valid base64/base64url text");
        }
    }
}
