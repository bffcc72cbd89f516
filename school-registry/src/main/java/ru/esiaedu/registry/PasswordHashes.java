package ru.esiaedu.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.jboss.logging.Logger;

/**
 * Verifies legacy passwords of the school platform. Accepted stored formats:
 * <ul>
 * <li>bcrypt: {@code $2a$}, {@code $2b$}, {@code $2y$} (cost 4–31, OpenBSD modular crypt format);</li>
 * <li>PBKDF2-HMAC-SHA256: {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>}
 * (standard base64, padding optional; the derived key is as long as the stored hash, 16–64 bytes;
 * 1 000 – 10 000 000 iterations; the password is UTF-8 encoded).</li>
 * </ul>
 * Anything else (or a malformed hash) never verifies; a warning names the format, never the hash.
 */
public final class PasswordHashes {

    /** Names of hash schemes seen in school systems' user tables (crypt ids, LDAP-style and framework prefixes). */
    private static final Pattern KNOWN_SCHEME = Pattern.compile(
            "(?i)(md5|smd5|sha|ssha|sha1|sha224|sha256|sha384|sha512|ssha256|ssha512|crypt|bcrypt|2[abxy]?|1|5|6|"
            + "apr1|argon2(i|d|id)?|scrypt|pbkdf2([-_][a-z0-9]+)*|des|ext_des|plain|cleartext)");

    private static final Logger LOG = Logger.getLogger(PasswordHashes.class);
    private static final String PBKDF2_PREFIX = "pbkdf2-sha256$";
    private static final int MIN_ITERATIONS = 1_000;
    private static final int MAX_ITERATIONS = 10_000_000;

    private PasswordHashes() {}

    public static boolean verify(String storedHash, char[] password) {
        if (storedHash == null || password == null) {
            return false;
        }
        if (storedHash.startsWith("$2a$") || storedHash.startsWith("$2b$") || storedHash.startsWith("$2y$")) {
            return bcrypt(storedHash, password);
        }
        if (storedHash.startsWith(PBKDF2_PREFIX)) {
            return pbkdf2(storedHash, password);
        }
        LOG.warnf("school registry: unsupported password hash format '%s'", formatName(storedHash));
        return false;
    }

    private static boolean bcrypt(String storedHash, char[] password) {
        try {
            // BouncyCastle compares in constant time.
            return OpenBSDBCrypt.checkPassword(storedHash, password);
        } catch (RuntimeException e) {   // IllegalArgument, DataLength: malformed
            // name the scheme, never characters of the stored value (it may be a clear-text password typed there)
            LOG.warnf("school registry: malformed password hash of format '%s'", "bcrypt");
            return false;
        }
    }

    private static boolean pbkdf2(String storedHash, char[] password) {
        String[] parts = storedHash.split("\\$", -1);
        try {
            if (parts.length != 4) {
                throw new IllegalArgumentException("parts");
            }
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS || salt.length == 0
                    || expected.length < 16 || expected.length > 64) {
                throw new IllegalArgumentException("parameters");
            }
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, expected.length * 8);
            try {
                byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
                return MessageDigest.isEqual(actual, expected);   // constant time
            } finally {
                spec.clearPassword();
            }
        } catch (IllegalArgumentException e) {
            LOG.warnf("school registry: malformed password hash of format '%s'", "pbkdf2-sha256");
            return false;
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            LOG.warnf("school registry: cannot verify format '%s': %s", "pbkdf2-sha256", e.getClass().getSimpleName());
            return false;
        }
    }

    /** Creates a PBKDF2-SHA256 hash in the accepted format (for tests and data loading tools). */
    public static String pbkdf2Sha256(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return PBKDF2_PREFIX + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                    + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
        }
    }

    /**
     * The scheme name only, and only when it is a known hash scheme's name; anything else is "unknown".
     * A stored value that is not a hash could be a clear-text password: no part of it is ever logged.
     */
    static String formatName(String storedHash) {
        String s = storedHash.startsWith("$") || storedHash.startsWith("{") ? storedHash.substring(1) : storedHash;
        int end = -1;
        for (int i = 0; i < s.length() && i <= 20; i++) {
            char c = s.charAt(i);
            if (c == '$' || c == ':' || c == '}') {
                end = i;
                break;
            }
        }
        if (end <= 0) {
            return "unknown";
        }
        String name = s.substring(0, end);
        return KNOWN_SCHEME.matcher(name).matches() ? name : "unknown";
    }

}
