package ru.esiaedu.esia.broker;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets one ESIA callback of a person at a time into Keycloak's login on this node; the others wait their turn.
 *
 * <p>Why: with brute-force detection on, Keycloak's default detector (its {@code allowConcurrentRequests} is
 * false) refuses a user while another request of the same user is between Keycloak's lockout check and the end of
 * that request's transaction, and its broker makes that check for every returning user. Two devices of one family
 * arriving from Gosuslugi at once would end, one of them, on «Учетная запись заблокирована» with nothing recorded
 * as a failure. The detector is right for passwords (parallel guesses must not outrun the failure counter), so it
 * stays on; the callbacks of one person simply stop overlapping. Keycloak's marker lives in one node's memory, so
 * a node-local turn is enough.
 *
 * <p>The wait is bounded: a callback that waited {@code maxWait} goes ahead without a turn and Keycloak decides.
 */
final class OneCallbackPerPerson {

    /** Far longer than a callback's work in Keycloak (a few database writes), far shorter than a login's patience. */
    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);

    private final ConcurrentHashMap<String, CountDownLatch> inFlight = new ConcurrentHashMap<>();
    private final Duration maxWait;

    OneCallbackPerPerson(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** A callback's turn; {@link #end()} once the request's transaction is over (any thread, more than once). */
    final class Turn {
        private final String person;
        private final CountDownLatch done;

        private Turn(String person, CountDownLatch done) {
            this.person = person;
            this.done = done;
        }

        /** False when the wait ran out (or was interrupted) and the callback goes ahead without a turn. */
        boolean held() {
            return done != null;
        }

        void end() {
            if (done != null && inFlight.remove(person, done)) {
                done.countDown();
            }
        }
    }

    /** Waits, at most {@code maxWait}, until no other callback of {@code person} is in Keycloak's login here. */
    Turn begin(String person) {
        CountDownLatch mine = new CountDownLatch(1);
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            CountDownLatch other = inFlight.putIfAbsent(person, mine);
            if (other == null) {
                return new Turn(person, mine);
            }
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !other.await(left, TimeUnit.NANOSECONDS)) {
                    return new Turn(person, null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Turn(person, null);
            }
        }
    }

    /** How many persons have a callback in Keycloak's login here right now. */
    int inFlight() {
        return inFlight.size();
    }
}
