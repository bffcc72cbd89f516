package ru.esiaedu.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization requests waiting for the user (login page, consent page). The login form carries only
 * the opaque id of an entry, so the flow works without cookies and cannot be tampered with.
 */
final class PendingAuthorizations {
    private static final Duration LIFETIME = Duration.ofMinutes(30);

    /** A waiting request; {@code oid} is set once the user has logged in. */
    record Pending(String id, AuthorizationRequest request, Instant createdAt, Long oid) {
        Pending withOid(long o) {
            return new Pending(id, request, createdAt, o);
        }
    }

    private final Map<String, Pending> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    PendingAuthorizations(Clock clock) {
        this.clock = clock;
    }

    Pending create(AuthorizationRequest request) {
        purge();
        Pending p = new Pending(Ids.random(), request, clock.instant(), null);
        entries.put(p.id(), p);
        return p;
    }

    Optional<Pending> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Pending p = entries.get(id);
        if (p == null || p.createdAt().plus(LIFETIME).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    Pending loggedIn(Pending p, long oid) {
        Pending updated = p.withOid(oid);
        entries.put(p.id(), updated);
        return updated;
    }

    void remove(String id) {
        entries.remove(id);
    }

    private void purge() {
        Instant cutoff = clock.instant().minus(LIFETIME);
        entries.values().removeIf(p -> p.createdAt().isBefore(cutoff));
    }
}
