package ru.esiaedu.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Single-use, short-lived authorization codes and rotating refresh tokens. */
final class CodeStore {
    /** What a code or refresh token stands for. */
    record Grant(AuthorizationRequest request, long oid, Instant expiresAt) {
    }

    private static final Duration REFRESH_LIFETIME = Duration.ofDays(1);

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration codeLifetime;

    CodeStore(Clock clock, Duration codeLifetime) {
        this.clock = clock;
        this.codeLifetime = codeLifetime;
    }

    String issueCode(AuthorizationRequest request, long oid) {
        Instant now = clock.instant();
        codes.values().removeIf(g -> g.expiresAt().isBefore(now));
        String code = Ids.random();
        codes.put(code, new Grant(request, oid, now.plus(codeLifetime)));
        return code;
    }

    /** Removes the code whatever happens next: a code is good for one attempt only. */
    Optional<Grant> consumeCode(String code) {
        return take(codes, code);
    }

    String issueRefreshToken(AuthorizationRequest request, long oid) {
        String token = Ids.random();
        refreshTokens.put(token, new Grant(request, oid, clock.instant().plus(REFRESH_LIFETIME)));
        return token;
    }

    Optional<Grant> consumeRefreshToken(String token) {
        return take(refreshTokens, token);
    }

    private Optional<Grant> take(Map<String, Grant> map, String key) {
        if (key == null) {
            return Optional.empty();
        }
        Grant g = map.remove(key);
        if (g == null || g.expiresAt().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(g);
    }
}
