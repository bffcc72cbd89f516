package ru.esiaedu.linker.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LinkAttemptGuardTest {

    /** A clock the test moves by hand. */
    static final class FakeClock extends Clock {
        long millis = Instant.parse("2026-09-01T08:00:00Z").toEpochMilli();

        void advance(Duration by) {
            millis += by.toMillis();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    /** The single-use store as a map that also remembers lifespans; claims are atomic, as the store's putIfAbsent. */
    static final class MapStore implements AttemptStore {
        final Map<String, AttemptState> states = new ConcurrentHashMap<>();
        final Map<String, Long> lifespans = new ConcurrentHashMap<>();
        final Set<String> claims = ConcurrentHashMap.newKeySet();

        @Override
        public boolean claim(String key, long lifespanSeconds) {
            return claims.add(key);
        }

        @Override
        public void unclaim(String key) {
            claims.remove(key);
        }

        @Override
        public AttemptState load(String key) {
            return states.getOrDefault(key, AttemptState.NONE);
        }

        @Override
        public void save(String key, AttemptState state, long lifespanSeconds) {
            states.put(key, state);
            lifespans.put(key, lifespanSeconds);
        }

        @Override
        public void clear(String key) {
            states.remove(key);
        }
    }

    private final FakeClock clock = new FakeClock();
    private final MapStore store = new MapStore();
    private final List<String> keys = List.of(LinkAttemptGuard.personKey("realm", "1000123"),
            LinkAttemptGuard.targetKey("realm", "org-1", "PARENT", "ivanova"));

    private LinkAttemptGuard guard(AttemptPolicy policy) {
        return new LinkAttemptGuard(store, policy, clock);
    }

    @Test
    void locksAfterFailureFactorFailuresForTheWaitIncrement() {
        LinkAttemptGuard guard = guard(new AttemptPolicy(3, 60, 900, 43200, true));
        assertThat(guard.recordFailure(keys)).isEmpty();
        assertThat(guard.recordFailure(keys)).isEmpty();
        assertThat(guard.lockedFor(keys)).isEmpty();
        assertThat(guard.recordFailure(keys)).contains(Duration.ofSeconds(60));

        clock.advance(Duration.ofSeconds(30));
        assertThat(guard.lockedFor(keys)).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(guard.lockedFor(keys)).isEmpty();
    }

    @Test
    void multipleStrategyGrowsEveryFailureFactorAndStopsAtTheMaximum() {
        LinkAttemptGuard guard = guard(new AttemptPolicy(2, 60, 150, 43200, true));
        guard.recordFailure(keys);
        assertThat(guard.recordFailure(keys)).contains(Duration.ofSeconds(60));   // 2 / 2 = 1 step
        clock.advance(Duration.ofMinutes(2));
        assertThat(guard.recordFailure(keys)).contains(Duration.ofSeconds(60));   // 3 / 2 = 1 step
        clock.advance(Duration.ofMinutes(2));
        assertThat(guard.recordFailure(keys)).contains(Duration.ofSeconds(120));  // 4 / 2 = 2 steps
        clock.advance(Duration.ofMinutes(3));
        guard.recordFailure(keys);
        clock.advance(Duration.ofMinutes(3));
        assertThat(guard.recordFailure(keys)).contains(Duration.ofSeconds(150));  // 6 / 2 = 3 steps, capped
    }

    @Test
    void linearStrategyAddsOneIncrementPerFailureAfterTheFactor() {
        LinkAttemptGuard guard = guard(new AttemptPolicy(2, 60, 900, 43200, false));
        assertThat(guard.recordFailure(keys)).isEmpty();                          // 1 + 1 - 2 = 0
        assertThat(guard.recordFailure(keys)).contains(Duration.ofSeconds(60));   // 1 + 2 - 2 = 1
        clock.advance(Duration.ofMinutes(2));
        assertThat(guard.recordFailure(keys)).contains(Duration.ofSeconds(120));  // 1 + 3 - 2 = 2
    }

    @Test
    void failuresOlderThanMaxDeltaAreForgotten() {
        LinkAttemptGuard guard = guard(new AttemptPolicy(3, 60, 900, 600, true));
        guard.recordFailure(keys);
        guard.recordFailure(keys);
        clock.advance(Duration.ofSeconds(601));
        assertThat(guard.recordFailure(keys)).isEmpty();
        assertThat(store.load(keys.get(0)).failures()).isEqualTo(1);
    }

    @Test
    void successClearsBothCounters() {
        LinkAttemptGuard guard = guard(new AttemptPolicy(1, 60, 900, 43200, true));
        assertThat(guard.recordFailure(keys)).isPresent();
        guard.recordSuccess(keys);
        assertThat(guard.lockedFor(keys)).isEmpty();
        assertThat(store.states).isEmpty();
    }

    @Test
    void eitherCounterLocksTheForm() {
        LinkAttemptGuard guard = guard(new AttemptPolicy(2, 60, 900, 43200, true));
        String otherPerson = LinkAttemptGuard.personKey("realm", "2000456");
        String sameTarget = keys.get(1);
        guard.recordFailure(keys);
        guard.recordFailure(List.of(otherPerson, sameTarget));
        // the first person failed once only, but the login they target is locked
        assertThat(guard.lockedFor(keys)).isPresent();
        assertThat(guard.lockedFor(List.of(keys.get(0)))).isEmpty();
    }

    @Test
    void entriesLiveAsLongAsTheWindowAndTheLongestLock() {
        guard(new AttemptPolicy(3, 60, 900, 43200, true)).recordFailure(keys);
        assertThat(store.lifespans.values()).containsOnly(43200L + 900L);
    }

    @Test
    void targetKeyIgnoresCaseAndSpacesAndNeverContainsTheLogin() {
        String key = LinkAttemptGuard.targetKey("realm", "org-1", "PARENT", "Ivanova");
        assertThat(key).isEqualTo(LinkAttemptGuard.targetKey("realm", "org-1", "PARENT", " ivanova "));
        assertThat(key).doesNotContainIgnoringCase("ivanova");
        assertThat(key).isNotEqualTo(LinkAttemptGuard.targetKey("realm", "org-2", "PARENT", "ivanova"));
        assertThat(key).isNotEqualTo(LinkAttemptGuard.targetKey("realm", "org-1", "STUDENT", "ivanova"));
        assertThat(LinkAttemptGuard.personKey("r1", "1")).isNotEqualTo(LinkAttemptGuard.personKey("r2", "1"));
    }

    @Test
    void aLoginWithUnicodeSpacesOrFullWidthLettersCountsOnTheSameCounter() {
        String key = LinkAttemptGuard.targetKey("realm", "org-1", "PARENT", "ivanova");
        for (String spelling : List.of("ivanova\u2003", "\u3000ivanova", "ivanova\u00a0", "ＩＶＡＮＯＶＡ", "Ivanova\t")) {
            assertThat(LinkAttemptGuard.targetKey("realm", "org-1", "PARENT", spelling)).as(spelling).isEqualTo(key);
        }
        // and the registry looks the same spellings up as the same login
        assertThat(ru.esiaedu.registry.normalize.Logins.normalize("ＩＶＡＮＯＶＡ\u3000")).isEqualTo("ivanova");
    }

    @Test
    void anAttemptCountsBeforeThePasswordIsCheckedAndOnlySuccessClearsIt() {
        LinkAttemptGuard guard = guard(new AttemptPolicy(3, 60, 900, 43200, true));
        assertThat(guard.admit(keys)).isEmpty();
        // the check has not happened yet, the failure is already there
        assertThat(store.load(keys.get(0)).failures()).isEqualTo(1);
        assertThat(store.load(keys.get(1)).failures()).isEqualTo(1);
        guard.recordSuccess(keys);
        guard.finish(keys);
        assertThat(store.load(keys.get(0)).failures()).isZero();
        assertThat(store.claims).isEmpty();
    }

    @Test
    void aSecondAttemptInFlightIsRefusedAndNotCounted() {
        LinkAttemptGuard guard = guard(new AttemptPolicy(3, 60, 900, 43200, true));
        assertThat(guard.admit(keys)).isEmpty();
        assertThat(guard.admit(keys)).contains(LinkAttemptGuard.Refusal.IN_FLIGHT);
        List<String> otherLoginSamePerson = List.of(keys.get(0), LinkAttemptGuard.targetKey("realm", "org-1", "PARENT", "petrova"));
        assertThat(guard.admit(otherLoginSamePerson)).contains(LinkAttemptGuard.Refusal.IN_FLIGHT);
        assertThat(store.load(keys.get(0)).failures()).isEqualTo(1);
        guard.finish(keys);
        assertThat(guard.admit(otherLoginSamePerson)).isEmpty();
    }

    @Test
    void aLockedFormRefusesWithoutCountingOrHoldingAClaim() {
        LinkAttemptGuard guard = guard(new AttemptPolicy(2, 60, 900, 43200, true));
        for (int i = 0; i < 2; i++) {
            assertThat(guard.admit(keys)).isEmpty();
            guard.finish(keys);
        }
        assertThat(guard.admit(keys)).contains(LinkAttemptGuard.Refusal.LOCKED);
        assertThat(store.load(keys.get(0)).failures()).isEqualTo(2);
        assertThat(store.claims).isEmpty();
    }

    @Test
    void tenParallelWrongPasswordsOfOnePersonCheckAtMostTheFailureFactorOfPasswords() throws Exception {
        int failureFactor = 3;
        LinkAttemptGuard guard = guard(new AttemptPolicy(failureFactor, 60, 900, 43200, true));
        AtomicInteger checked = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService tabs = Executors.newFixedThreadPool(10);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int tab = 0; tab < 10; tab++) {
                done.add(tabs.submit(() -> {
                    start.await();
                    // every tab keeps pressing «Войти» until the form refuses it for good
                    for (int press = 0; press < 20; press++) {
                        Optional<LinkAttemptGuard.Refusal> refused = guard.admit(keys);
                        if (refused.isEmpty()) {
                            try {
                                checked.incrementAndGet();   // the slow, wrong password check
                                Thread.sleep(2);
                            } finally {
                                guard.finish(keys);
                            }
                        } else if (refused.get() == LinkAttemptGuard.Refusal.LOCKED) {
                            return null;
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> tab : done) {
                tab.get(30, TimeUnit.SECONDS);
            }
        } finally {
            tabs.shutdownNow();
        }
        assertThat(checked.get()).isEqualTo(failureFactor);
        assertThat(store.load(keys.get(0)).failures()).isEqualTo(failureFactor);
    }

    @Test
    void minutesAreRoundedUp() {
        assertThat(LinkAttemptGuard.minutes(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(LinkAttemptGuard.minutes(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(LinkAttemptGuard.minutes(Duration.ofSeconds(61))).isEqualTo(2);
        assertThat(LinkAttemptGuard.minutes(Duration.ofSeconds(900))).isEqualTo(15);
    }

    @Test
    void stateSurvivesTheStoreAndBrokenNotesCountAsNone() {
        AttemptState state = new AttemptState(4, 123L, 456L);
        assertThat(AttemptState.fromNotes(state.toNotes())).isEqualTo(state);
        assertThat(AttemptState.fromNotes(Map.of("failures", "x"))).isEqualTo(AttemptState.NONE);
        assertThat(AttemptState.fromNotes(null)).isEqualTo(AttemptState.NONE);
    }

    @Test
    void nonsensicalRealmNumbersAreClamped() {
        AttemptPolicy policy = new AttemptPolicy(0, 0, 0, 0, true);
        assertThat(policy.failureFactor()).isEqualTo(1);
        assertThat(policy.waitIncrementSeconds()).isEqualTo(1);
        assertThat(policy.maxFailureWaitSeconds()).isEqualTo(1);
        assertThat(policy.maxDeltaTimeSeconds()).isEqualTo(1);
    }
}
