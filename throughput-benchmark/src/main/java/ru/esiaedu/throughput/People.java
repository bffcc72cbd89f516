package ru.esiaedu.throughput;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The people one identity provider logs in: a fixed set of returning people (worker {@code i} of {@code c} takes
 * indices i, i+c, i+2c…, so one person never logs in twice at once) and a queue of people who never logged in.
 */
final class People {
    private final List<Long> returning;
    private final ConcurrentLinkedQueue<Long> fresh;

    People(List<Long> returning, List<Long> fresh) {
        this.returning = List.copyOf(returning);
        this.fresh = new ConcurrentLinkedQueue<>(fresh);
    }

    List<Long> returning() {
        return returning;
    }

    /** The n-th login of worker {@code worker} of {@code workers}. */
    long returning(int worker, int workers, long n) {
        int perWorker = returning.size() / workers;
        return returning.get((int) (worker + workers * (n % perWorker)));
    }

    /** Someone who never logged in, or null when all have. */
    Long nextFirst() {
        return fresh.poll();
    }

    int freshLeft() {
        return fresh.size();
    }
}
