package ru.esiaedu.esia.token;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** An ESIA JWT whose signature, issuer, audience and times were checked. Immutable. */
public final class VerifiedToken {

    private final String algorithm;
    private final String oid;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final Set<String> scopes;
    private final Map<String, Object> claims;

    VerifiedToken(String algorithm, String oid, Instant issuedAt, Instant expiresAt, Set<String> scopes,
            Map<String, Object> claims) {
        this.algorithm = algorithm;
        this.oid = Objects.requireNonNull(oid, "oid");
        this.issuedAt = issuedAt;
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.scopes = Collections.unmodifiableSet(scopes);
        this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    /** The user's ESIA oid ({@code urn:esia:sbj_id}, else {@code urn:esia:sbj}.{@code urn:esia:sbj:oid}, else {@code sub}). */
    public String oid() {
        return oid;
    }

    /** {@code iat}, or {@code null} if the token has none. */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** {@code exp}. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** Scope names from the {@code scope} claim with ESIA's {@code ?oid=…} suffix removed, in token order. */
    public Set<String> scopes() {
        return scopes;
    }

    /** The JWS {@code alg} the token was signed with ({@code RS256} or {@code GOST3410_2012_256}). */
    public String algorithm() {
        return algorithm;
    }

    /** All payload claims as Jackson read them (nested objects are maps, arrays are lists). Unmodifiable. */
    public Map<String, Object> claims() {
        return claims;
    }

    public Object claim(String name) {
        return claims.get(name);
    }

    /** A claim as text: strings as they are, numbers and booleans in their JSON form; {@code null} if absent or structured. */
    public String stringClaim(String name) {
        Object v = claims.get(name);
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return null;
    }

    @Override
    public String toString() {
        // no personal data
        return "VerifiedToken[alg=" + algorithm + ", exp=" + expiresAt + ", scopes=" + scopes.size() + "]";
    }
}
