package ru.esiaedu.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OIDC mode's state: authorization requests waiting at the login page, which clients a person let see their
 * data (asked once, as ESIA asks), and single-use authorization codes.
 */
final class OidcGrants {
    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(30);

    /** An accepted authorization request: the client is known and the redirect URI allowed. */
    record Authorization(RegisteredClient client, String redirectUri, List<String> scopes, String state,
                         String nonce) {
    }

    record Pending(String id, Authorization authorization, Instant createdAt, Long oid) {
    }

    record Code(Authorization authorization, long oid, Instant authTime, Instant expiresAt) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Set<String> accessGranted = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final Duration codeLifetime;

    OidcGrants(Clock clock, Duration codeLifetime) {
        this.clock = clock;
        this.codeLifetime = codeLifetime;
    }

    Pending waitForLogin(Authorization authorization) {
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.createdAt().plus(PENDING_LIFETIME).isBefore(now));
        Pending p = new Pending(Ids.random(), authorization, now, null);
        pending.put(p.id(), p);
        return p;
    }

    Optional<Pending> pending(String id) {
        Pending p = id == null ? null : pending.get(id);
        if (p == null || p.createdAt().plus(PENDING_LIFETIME).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    Pending loggedIn(Pending p, long oid) {
        Pending updated = new Pending(p.id(), p.authorization(), p.createdAt(), oid);
        pending.put(p.id(), updated);
        return updated;
    }

    void done(Pending p) {
        pending.remove(p.id());
    }

    boolean hasGrantedAccess(String clientId, long oid) {
        return accessGranted.contains(clientId + ":" + oid);
    }

    void grantAccess(String clientId, long oid) {
        accessGranted.add(clientId + ":" + oid);
    }

    String issueCode(Authorization authorization, long oid) {
        Instant now = clock.instant();
        codes.values().removeIf(c -> c.expiresAt().isBefore(now));
        String code = Ids.random();
        codes.put(code, new Code(authorization, oid, now, now.plus(codeLifetime)));
        return code;
    }

    /** Removes the code whatever happens next: a code is good for one attempt only. */
    Optional<Code> consumeCode(String code) {
        Code c = code == null ? null : codes.remove(code);
        if (c == null || c.expiresAt().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(c);
    }
}
