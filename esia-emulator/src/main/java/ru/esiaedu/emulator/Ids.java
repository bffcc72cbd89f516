package ru.esiaedu.emulator;

import java.security.SecureRandom;

/** Unguessable random identifiers (codes, sessions, pending requests). */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64Url.encode(b);
    }
}
