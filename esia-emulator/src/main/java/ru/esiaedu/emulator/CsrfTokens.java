package ru.esiaedu.emulator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Anti-CSRF tokens of the personal-account forms: an HMAC of the ESIA session id under a key made at start-up, so a
 * token is good for exactly one session and needs no storage.
 */
final class CsrfTokens {
    static final String FIELD = "csrf";

    private final byte[] key = new byte[32];

    CsrfTokens() {
        new SecureRandom().nextBytes(key);
    }

    String tokenFor(String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64Url.encode(mac.doFinal(("csrf|" + sessionId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean valid(String sessionId, String token) {
        if (sessionId == null || token == null || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(sessionId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
