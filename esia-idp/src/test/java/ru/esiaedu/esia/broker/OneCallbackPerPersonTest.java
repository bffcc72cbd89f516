package ru.esiaedu.esia.broker;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OneCallbackPerPersonTest {

    @Test
    void aSecondCallbackOfTheSamePersonWaitsUntilTheFirstHasEnded() throws Exception {
        OneCallbackPerPerson callbacks = new OneCallbackPerPerson(Duration.ofSeconds(30));
        OneCallbackPerPerson.Turn phone = callbacks.begin("realm/esia/1000300101");

        CountDownLatch laptopIn = new CountDownLatch(1);
        AtomicReference<OneCallbackPerPerson.Turn> laptop = new AtomicReference<>();
        Thread laptopThread = new Thread(() -> {
            laptop.set(callbacks.begin("realm/esia/1000300101"));
            laptopIn.countDown();
        });
        laptopThread.start();
        waitUntilBlocked(laptopThread);
        assertThat(laptopIn.getCount()).as("the laptop waits while the phone's callback is in Keycloak").isEqualTo(1);

        phone.end();

        assertThat(laptopIn.await(10, TimeUnit.SECONDS)).as("the laptop's turn once the phone's ended").isTrue();
        assertThat(laptop.get().held()).isTrue();
        assertThat(callbacks.inFlight()).isEqualTo(1);
        laptop.get().end();
        assertThat(callbacks.inFlight()).isZero();
    }

    @Test
    void callbacksOfDifferentPersonsDoNotWaitForEachOther() {
        OneCallbackPerPerson callbacks = new OneCallbackPerPerson(Duration.ZERO);

        assertThat(callbacks.begin("realm/esia/1000300101").held()).isTrue();
        assertThat(callbacks.begin("realm/esia/1000300110").held()).isTrue();
        assertThat(callbacks.inFlight()).isEqualTo(2);
    }

    @Test
    void aCallbackThatCannotGetATurnInTimeGoesAheadWithoutTakingTheOthersTurn() {
        OneCallbackPerPerson callbacks = new OneCallbackPerPerson(Duration.ZERO);
        OneCallbackPerPerson.Turn first = callbacks.begin("p");

        OneCallbackPerPerson.Turn late = callbacks.begin("p");
        late.end();

        assertThat(late.held()).isFalse();
        assertThat(callbacks.inFlight()).as("the first callback still holds its turn").isEqualTo(1);
        first.end();
        assertThat(callbacks.begin("p").held()).isTrue();
    }

    @Test
    void endingATurnTwiceDoesNotEndTheNextCallbacksTurn() {
        OneCallbackPerPerson callbacks = new OneCallbackPerPerson(Duration.ZERO);
        OneCallbackPerPerson.Turn first = callbacks.begin("p");
        first.end();
        OneCallbackPerPerson.Turn next = callbacks.begin("p");

        first.end();

        assertThat(next.held()).isTrue();
        assertThat(callbacks.begin("p").held()).as("the next callback still holds its turn").isFalse();
    }

    @Test
    void anInterruptedWaitGoesAheadWithoutATurnAndKeepsTheInterrupt() throws Exception {
        OneCallbackPerPerson callbacks = new OneCallbackPerPerson(Duration.ofSeconds(30));
        callbacks.begin("p");
        AtomicReference<Boolean> held = new AtomicReference<>();
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        Thread waiting = new Thread(() -> {
            held.set(callbacks.begin("p").held());
            interrupted.set(Thread.currentThread().isInterrupted());
        });
        waiting.start();
        waitUntilBlocked(waiting);

        waiting.interrupt();
        waiting.join(10_000);

        assertThat(held.get()).isFalse();
        assertThat(interrupted.get()).isTrue();
    }

    private static void waitUntilBlocked(Thread thread) throws InterruptedException {
        for (int i = 0; i < 1000 && thread.getState() != Thread.State.TIMED_WAITING; i++) {
            Thread.sleep(10);
        }
        assertThat(thread.getState()).as("the thread waits for its turn").isEqualTo(Thread.State.TIMED_WAITING);
    }
}
