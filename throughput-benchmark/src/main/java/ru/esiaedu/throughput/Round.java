package ru.esiaedu.throughput;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One short round: {@code concurrency} devices logging in one after another at one identity provider for a fixed
 * time (a login that has started is finished). Each login is a fresh browser; the nodes are taken round-robin.
 */
final class Round {
    /** One identity provider under test. */
    record Target(String alias, LoginDevice.Upstream upstream, People people) {
    }

    private final HttpClient http;
    private final String emulatorUrl;
    private final List<String> nodes;
    private final Supplier<Duration> serverCpu;
    private final AtomicInteger nextNode = new AtomicInteger();

    Round(HttpClient http, String emulatorUrl, List<String> nodes, Supplier<Duration> serverCpu) {
        this.http = http;
        this.emulatorUrl = emulatorUrl;
        this.nodes = List.copyOf(nodes);
        this.serverCpu = serverCpu;
    }

    void run(Target target, LoginKind kind, int concurrency, Duration length, Cell cell) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicBoolean ranOut = new AtomicBoolean();
        Duration cpuBefore = serverCpu.get();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        AtomicLong lastDone = new AtomicLong(start);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                workers.add(pool.submit(() -> {
                    for (long n = 0; System.nanoTime() < end; n++) {
                        Long oid = kind == LoginKind.RETURNING
                                ? target.people().returning(worker, concurrency, n) : target.people().nextFirst();
                        if (oid == null) {
                            ranOut.set(true);
                            return;
                        }
                        login(target, oid, cell);
                        lastDone.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                }));
            }
            for (Future<?> f : workers) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    cell.fail("worker died: " + e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        cell.roundDone(lastDone.get() - start, serverCpu.get().minus(cpuBefore), ranOut.get());
    }

    /** One login, timed; not counted in any cell when {@code cell} is null (warm-up), but failures are returned. */
    LoginDevice.Result login(Target target, long oid, Cell cell) {
        String node = nodes.get(Math.floorMod(nextNode.getAndIncrement(), nodes.size()));
        long t0 = System.nanoTime();
        LoginDevice.Result result;
        try {
            result = new LoginDevice(http, emulatorUrl).signIn(node, target.alias(), target.upstream(), oid);
        } catch (Exception e) {
            result = LoginDevice.Result.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (cell != null) {
            if (result.ok()) {
                cell.add(System.nanoTime() - t0);
            } else {
                cell.fail(result.failure());
            }
        }
        return result;
    }
}
