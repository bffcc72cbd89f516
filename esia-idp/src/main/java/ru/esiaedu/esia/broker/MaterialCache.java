package ru.esiaedu.esia.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What is built from key material the vault (or the settings) gave — a local signer, ESIA's parsed certificates —
 * kept by a SHA-256 digest of that material. Building a signer parses the key and checks it against the certificate
 * with a trial signature, more work than the login's own two signatures; parsing certificates is X.509 decoding. So
 * each is done once per material, not at every login. The material is still read at every login: a rotated key has
 * another digest and takes effect at the next login; the least recently used of at most {@link #CAPACITY} entries is
 * dropped. Thread-safe.
 */
final class MaterialCache<T> {

    static final int CAPACITY = 8;

    private final Map<String, T> built = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
            return size() > CAPACITY;
        }
    };

    /** What was built from this material, by {@code build} on first use; a failing build is not kept. */
    T get(Supplier<T> build, String... material) {
        String key = digest(material);
        synchronized (built) {
            T known = built.get(key);
            if (known != null) {
                return known;
            }
        }
        T made = build.get();
        synchronized (built) {
            return built.computeIfAbsent(key, k -> made);
        }
    }

    int size() {
        synchronized (built) {
            return built.size();
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
