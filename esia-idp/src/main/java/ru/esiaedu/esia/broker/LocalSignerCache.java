package ru.esiaedu.esia.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import ru.esiaedu.esia.crypto.LocalKeySigner;

/**
 * Local signers built from the key material the vault (or the settings) gave, kept by a SHA-256 digest of that
 * material. Building one parses the key and checks it against the certificate with a trial signature — more work than
 * the login's own two signatures — so it is done once per key, not twice per login. The material is still read at
 * every login: a rotated key has another digest and takes effect at the next login; the least recently used of at most
 * {@link #CAPACITY} signers is dropped. Thread-safe.
 */
final class LocalSignerCache {

    static final int CAPACITY = 8;

    private final Map<String, LocalKeySigner> signers = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LocalKeySigner> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The signer for this material, built by {@code build} on first use; a failing build is not kept. */
    LocalKeySigner get(Supplier<LocalKeySigner> build, String... material) {
        String key = digest(material);
        synchronized (signers) {
            LocalKeySigner known = signers.get(key);
            if (known != null) {
                return known;
            }
        }
        LocalKeySigner built = build.get();
        synchronized (signers) {
            return signers.computeIfAbsent(key, k -> built);
        }
    }

    int size() {
        synchronized (signers) {
            return signers.size();
        }
    }

    private static String digest(String... material) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : material) {
                byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
                sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha256.update((byte) ':');
                sha256.update(bytes);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
