package ru.esiaedu.throughput;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one identity provider, one kind of login and one concurrency measured over all its rounds. */
final class Cell {
    final String idp;
    final LoginKind kind;
    final int concurrency;
    private final List<Long> latencies = new ArrayList<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private long wallNanos;
    private Duration serverCpu = Duration.ZERO;
    private int rounds;
    private boolean ranOutOfPeople;

    Cell(String idp, LoginKind kind, int concurrency) {
        this.idp = idp;
        this.kind = kind;
        this.concurrency = concurrency;
    }

    synchronized void add(long latencyNanos) {
        latencies.add(latencyNanos);
    }

    synchronized void fail(String why) {
        failures.merge(why.length() > 200 ? why.substring(0, 200) : why, 1, Integer::sum);
    }

    synchronized void roundDone(long wallNanos, Duration serverCpu, boolean ranOutOfPeople) {
        this.wallNanos += wallNanos;
        this.serverCpu = this.serverCpu.plus(serverCpu);
        this.rounds++;
        this.ranOutOfPeople |= ranOutOfPeople;
    }

    synchronized int ok() {
        return latencies.size();
    }

    synchronized int failed() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized Map<String, Integer> failures() {
        return Map.copyOf(failures);
    }

    synchronized double seconds() {
        return wallNanos / 1e9;
    }

    synchronized int rounds() {
        return rounds;
    }

    synchronized boolean ranOutOfPeople() {
        return ranOutOfPeople;
    }

    /** Logins that got in, per second of wall time. */
    synchronized double loginsPerSecond() {
        return wallNanos == 0 ? 0 : latencies.size() / (wallNanos / 1e9);
    }

    /** Keycloak's CPU time (all nodes) per login that got in, in milliseconds. */
    synchronized double serverCpuMillisPerLogin() {
        return latencies.isEmpty() ? 0 : serverCpu.toNanos() / 1e6 / latencies.size();
    }

    /** Latency percentile (nearest rank) of the logins that got in, in milliseconds. */
    synchronized double percentileMillis(double p) {
        if (latencies.isEmpty()) {
            return 0;
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
