package ru.esiaedu.benchmarks.lookups;

import java.util.Arrays;

/** Durations of one kind of lookup, in nanoseconds; percentiles by the nearest-rank method, reported in microseconds. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;
    private long found;

    void add(long duration, int accounts) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = duration;
        found += accounts;
    }

    int count() {
        return count;
    }

    /** Accounts found per lookup, on average. */
    double accountsPerLookup() {
        return count == 0 ? 0 : (double) found / count;
    }

    /** The p-th percentile (0 < p ≤ 100) in microseconds. */
    double percentileMicros(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1000.0;
    }
}
