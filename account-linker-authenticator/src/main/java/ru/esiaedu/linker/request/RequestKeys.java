package ru.esiaedu.linker.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The idempotency key of an access request: SHA-256 over the authentication session, the ESIA oid, the role and
 * the normalised form values. A double click (or a reload of the POST) in the same login gives the same key, so the
 * registry keeps one request; another login, person or form content gives a new one.
 */
public final class RequestKeys {

    private RequestKeys() {
    }

    public static String requestKey(String authSessionId, String oid, String role, AccessRequestForm form) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        for (String part : List.of("esia-access-request:v1", authSessionId, oid, role, form.childFullName(),
                form.organisationType(), form.organisationId(), form.className(), form.contactEmail())) {
            byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
            // length-prefixed, so ("ab","c") and ("a","bc") never collide
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
