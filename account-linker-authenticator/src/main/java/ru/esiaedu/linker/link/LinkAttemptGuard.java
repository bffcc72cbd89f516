package ru.esiaedu.linker.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ru.esiaedu.registry.normalize.Logins;

/**
 * Counts failed legacy-login attempts and locks the link form, with the arithmetic of Keycloak's
 * {@code DefaultBruteForceProtector} (failure factor, wait increment, max wait, max delta, LINEAR/MULTIPLE).
 * Two counters per attempt: the ESIA person (one person guessing many logins) and the target legacy login
 * (many ESIA accounts guessing one login). The form is locked while either is locked.
 *
 * <p>An attempt is counted <em>before</em> the (slow) password check and cleared only when it succeeds, and only one
 * attempt per counter may be in flight at a time, cluster-wide: parallel tabs of one person get «проверка уже
 * выполняется» instead of extra guesses, so no more than the failure factor of guesses fit into a window.
 */
public final class LinkAttemptGuard {

    private static final String PREFIX = "esia-link-attempts:";
    /** Longer than any password check (registry query timeout, slow hash); the mark expires by itself after that. */
    static final long IN_FLIGHT_SECONDS = 30;

    private final AttemptStore store;
    private final AttemptPolicy policy;
    private final Clock clock;

    public LinkAttemptGuard(AttemptStore store, AttemptPolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    /** Counter key of one ESIA person in one realm. */
    public static String personKey(String realmId, String oid) {
        return PREFIX + realmId + ":oid:" + sha256(oid);
    }

    /** Counter key of one legacy login (hashed: the login itself never reaches the store). */
    public static String targetKey(String realmId, String organisationId, String role, String login) {
        String normalised = Logins.normalize(login);
        return PREFIX + realmId + ":login:" + sha256(organisationId + "\u0000" + role + "\u0000"
                + (normalised == null ? "" : normalised));
    }

    /** Why an attempt may not go ahead now. */
    public enum Refusal { IN_FLIGHT, LOCKED }

    /**
     * Admits one attempt: claims every key (refused with {@link Refusal#IN_FLIGHT} while another attempt holds one),
     * refuses while locked, and counts the attempt as a failure before the password is checked. An admitted attempt
     * must end with {@link #finish}; a successful one calls {@link #recordSuccess} before that.
     *
     * @return empty when admitted; the refusal otherwise (nothing held)
     */
    public Optional<Refusal> admit(List<String> keys) {
        List<String> claimed = new ArrayList<>();
        for (String key : keys) {
            if (!store.claim(key, IN_FLIGHT_SECONDS)) {
                claimed.forEach(store::unclaim);
                return Optional.of(Refusal.IN_FLIGHT);
            }
            claimed.add(key);
        }
        if (lockedFor(keys).isPresent()) {
            finish(keys);
            return Optional.of(Refusal.LOCKED);
        }
        recordFailure(keys);
        return Optional.empty();
    }

    /** Ends an admitted attempt: the next one may go. */
    public void finish(List<String> keys) {
        keys.forEach(store::unclaim);
    }

    /** Remaining lock time (rounded up to whole seconds) if any of the keys is locked now. */
    public Optional<Duration> lockedFor(List<String> keys) {
        long now = clock.millis();
        long longest = 0;
        for (String key : keys) {
            AttemptState state = store.load(key);
            longest = Math.max(longest, state.notBeforeMillis() - now);
        }
        return longest > 0 ? Optional.of(Duration.ofSeconds((longest + 999) / 1000)) : Optional.empty();
    }

    /** Records one failure under every key; returns the lock now in force, if any. */
    Optional<Duration> recordFailure(List<String> keys) {
        long now = clock.millis();
        for (String key : keys) {
            store.save(key, next(store.load(key), now), policy.storeLifespanSeconds());
        }
        return lockedFor(keys);
    }

    /** A successful login of a person clears that person's and that login's counters. */
    public void recordSuccess(List<String> keys) {
        keys.forEach(store::clear);
    }

    AttemptState next(AttemptState state, long now) {
        int failures = state.failures();
        if (state.lastFailureMillis() > 0 && now - state.lastFailureMillis() > policy.maxDeltaTimeSeconds() * 1000L) {
            failures = 0;
        }
        failures++;
        long waitSeconds = policy.multiple()
                ? (long) policy.waitIncrementSeconds() * (failures / policy.failureFactor())
                : (long) policy.waitIncrementSeconds() * (1L + failures - policy.failureFactor());
        long notBefore = state.notBeforeMillis();
        if (waitSeconds > 0) {
            waitSeconds = Math.min(policy.maxFailureWaitSeconds(), waitSeconds);
            notBefore = Math.max(notBefore, now + waitSeconds * 1000L);
        }
        return new AttemptState(failures, now, notBefore);
    }

    /** Whole minutes for «Повторите через N минут», at least 1. */
    public static long minutes(Duration remaining) {
        return Math.max(1, (remaining.getSeconds() + 59) / 60);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
