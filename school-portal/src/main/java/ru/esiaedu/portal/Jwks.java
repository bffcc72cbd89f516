package ru.esiaedu.portal;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The realm's signing keys (JWK Set, RFC 7517): RSA keys for signatures, by {@code kid}. Re-read from the
 * source when a token names a key we do not know (Keycloak rotated its keys), at most every 10 seconds, so
 * a stream of forged tokens with random key ids cannot make us hammer Keycloak.
 */
public final class Jwks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MIN_REFRESH = Duration.ofSeconds(10);

    private final Supplier<String> source;
    private final Clock clock;
    private Map<String, PublicKey> keys = Map.of();
    private Instant lastFetch = Instant.MIN;

    /** @param source returns the JWK Set document (e.g. GET of the realm's {@code jwks_uri}) */
    public Jwks(Supplier<String> source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** The RSA signing key with that id; {@code kid} null = the only RSA signing key, if there is exactly one. */
    public synchronized Optional<PublicKey> rsaKey(String kid) throws InvalidTokenException {
        Optional<PublicKey> known = pick(kid);
        if (known.isPresent()) {
            return known;
        }
        Instant now = clock.instant();
        if (lastFetch.plus(MIN_REFRESH).isAfter(now)) {
            return Optional.empty();
        }
        lastFetch = now;
        keys = parse(source.get());
        return pick(kid);
    }

    private Optional<PublicKey> pick(String kid) {
        if (kid == null) {
            return keys.size() == 1 ? Optional.of(keys.values().iterator().next()) : Optional.empty();
        }
        return Optional.ofNullable(keys.get(kid));
    }

    /** RSA keys meant for signatures; others (encryption keys, EC, unknown types) are skipped. */
    static Map<String, PublicKey> parse(String jwkSet) throws InvalidTokenException {
        JsonNode root;
        try {
            root = JSON.readTree(jwkSet);
        } catch (Exception e) {
            throw new InvalidTokenException("the realm's key set is not JSON", e);
        }
        Map<String, PublicKey> result = new LinkedHashMap<>();
        for (JsonNode key : root.path("keys")) {
            if (!"RSA".equals(key.path("kty").asText()) || "enc".equals(key.path("use").asText())
                    || (key.hasNonNull("alg") && !"RS256".equals(key.path("alg").asText()))) {
                continue;
            }
            try {
                BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText()));
                BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()));
                PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
                result.put(key.path("kid").asText(""), publicKey);
            } catch (Exception ex) {
                // a broken entry must not hide the good ones
            }
        }
        return Map.copyOf(result);
    }
}
