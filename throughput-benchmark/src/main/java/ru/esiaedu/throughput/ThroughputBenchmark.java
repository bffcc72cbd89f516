package ru.esiaedu.throughput;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ru.esiaedu.emulator.EmulatorOptions;
import ru.esiaedu.emulator.EsiaEmulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whole logins per second of the ESIA identity provider against Keycloak's own OIDC broker, side by side: one real
 * Keycloak (or two, {@code -Dnodes=2}) in production mode on PostgreSQL, the emulator serving the same generated
 * people over ESIA and over its OIDC mode, short rounds of each identity provider alternating so that whatever else
 * the machine does hits both alike. Prints the table, writes JSON, CSV and a PNG chart. Measures; asserts nothing.
 */
public final class ThroughputBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OIDC_SECRET = "throughput-oidc-secret";

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Settings s = Settings.fromSystemProperties();
        Path out = Path.of(System.getProperty("out", "throughput-benchmark/target")).toAbsolutePath();
        Path repository = Path.of(System.getProperty("repository.dir", ".")).toAbsolutePath().normalize();
        Path distribution = Path.of(System.getProperty("keycloak.dist.dir")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(distribution.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(distribution + " is not a Keycloak distribution: build keycloak-server first");
        }
        Path work = out.resolve("throughput-run");
        KeycloakNode.delete(work);
        Files.createDirectories(work);
        progress("settings: %s", s);

        int total = 2 * (s.returningPerIdp() + s.firstPerIdp());
        GeneratedRegion region = GeneratedRegion.generate(total, s.seed());
        Path personsFile = work.resolve("persons.json");
        JSON.writeValue(personsFile.toFile(), region.personsJson(JSON));
        progress("%d generated people (persons.json and as many parents' cards)", total);

        List<AutoCloseable> running = new ArrayList<>();
        try {
            EsiaEmulator emulator = EsiaEmulator.start(EmulatorOptions.defaults().port(0).personsFile(personsFile)
                    .quickLoginButtons(20).oidcClientSecret(OIDC_SECRET));
            running.add(emulator);
            BenchDatabase db = BenchDatabase.start(work, freePort());
            running.add(0, db);
            Path vault = vault(work);

            long t0 = System.nanoTime();
            Path home = KeycloakNode.buildHome(distribution, work, "keycloak-1", buildOptions(repository));
            progress("kc.sh build done in %.0f s", (System.nanoTime() - t0) / 1e9);
            List<KeycloakNode> nodes = new ArrayList<>();
            for (int n = 1; n <= s.nodes(); n++) {
                Path nodeHome = n == 1 ? home : KeycloakNode.copyHome(home, work, "keycloak-" + n);
                long started = System.nanoTime();
                KeycloakNode node = KeycloakNode.start(nodeHome, work.resolve("keycloak-" + n + ".log"), db, vault,
                        freePort(), freePort(), freePort());
                running.add(0, node);
                nodes.add(node);
                progress("Keycloak node %d ready at %s in %.0f s (JVM pid %d)", n, node.baseUrl(),
                        (System.nanoTime() - started) / 1e9, node.jvmPid());
            }
            new AdminClient(JSON, nodes.get(0).baseUrl()).importRealm(BenchRealm.build(JSON, BenchRealm.demoRealm(),
                    nodes.get(0).baseUrl(), emulator.baseUrl(), emulator.oidcIssuer(), OIDC_SECRET));
            db.insertCards(region.adults());
            progress("realm imported; %d cards in the registry", region.adults().size());

            Round round = new Round(LoginDevice.sharedClient(), emulator.baseUrl(),
                    nodes.stream().map(KeycloakNode::baseUrl).toList(),
                    () -> nodes.stream().map(KeycloakNode::cpuTime).reduce(Duration.ZERO, Duration::plus));
            List<Round.Target> targets = targets(region, s);
            for (Round.Target t : targets) {
                warmUp(round, t);
            }
            ObjectNode upstream = JSON.createObjectNode();
            for (Round.Target t : targets) {
                List<String> calls = upstreamCalls(round, t, emulator);
                upstream.set(t.alias(), JSON.valueToTree(calls));
                progress("one returning %s login reaches the emulator %d times: %s", t.alias(), calls.size(), calls);
            }
            Profile profile = Profile.startIfAsked(nodes.get(0).jvmPid(), out);
            List<Cell> cells = measure(round, targets, s);
            profile.stop();
            Report report = new Report(cells, s.concurrency(), List.of(BenchRealm.ESIA, BenchRealm.OIDC));
            System.out.println();
            System.out.print(report.table());
            ObjectNode run = JSON.createObjectNode();
            run.put("finished", Instant.now().toString());
            run.set("settings", JSON.valueToTree(s));
            run.set("machine", Machine.describe(JSON));
            run.put("keycloak", distribution.getFileName().toString());
            run.set("upstreamRequestsPerReturningLogin", upstream);
            report.writeJson(out.resolve("throughput.json"), JSON, run);
            report.writeCsv(out.resolve("throughput.csv"));
            report.writeChart(out.resolve("throughput.png"), s.nodes() == 1 ? "" : " (" + s.nodes() + " nodes)");
            progress("wrote %s, throughput.csv, throughput.png", out.resolve("throughput.json"));
        } finally {
            for (AutoCloseable c : running) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("[throughput] could not stop " + c + ": " + e);
                }
            }
        }
    }

    /** ESIA takes the even people, the baseline the odd ones: the same kind of person, never the same Keycloak user. */
    private static List<Round.Target> targets(GeneratedRegion region, Settings s) {
        List<Round.Target> targets = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            List<Long> mine = new ArrayList<>();
            for (int i = side; i < region.adults().size(); i += 2) {
                mine.add(region.adults().get(i).oid());
            }
            People people = new People(mine.subList(0, s.returningPerIdp()), mine.subList(s.returningPerIdp(), mine.size()));
            targets.add(side == 0 ? new Round.Target(BenchRealm.ESIA, LoginDevice.Upstream.ESIA, people)
                    : new Round.Target(BenchRealm.OIDC, LoginDevice.Upstream.OIDC, people));
        }
        return targets;
    }

    /** The returning people's first logins (so they are returning later), four at a time; also warms the JIT. */
    private static void warmUp(Round round, Round.Target t) throws Exception {
        long start = System.nanoTime();
        LoginDevice.Result first = round.login(t, t.people().returning().get(0), null);
        if (!first.ok()) {
            throw new IllegalStateException("the first " + t.alias() + " login failed: " + first.failure());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> all = new ArrayList<>();
        for (Long oid : t.people().returning().subList(1, t.people().returning().size())) {
            all.add(pool.submit(() -> {
                LoginDevice.Result r = round.login(t, oid, null);
                if (!r.ok()) {
                    failed.incrementAndGet();
                    System.err.println("[throughput] warm-up " + t.alias() + " login failed: " + r.failure());
                }
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        // A second pass of returning logins: the returning path warmed too.
        for (Long oid : t.people().returning().subList(0, Math.min(8, t.people().returning().size()))) {
            round.login(t, oid, null);
        }
        progress("warm-up %s: %d people logged in once (%d failed) in %.0f s", t.alias(), t.people().returning().size(),
                failed.get(), (System.nanoTime() - start) / 1e9);
    }

    /** The emulator requests of one returning login (browser and back channel), paths with the oid as {oid}. */
    private static List<String> upstreamCalls(Round round, Round.Target t, EsiaEmulator emulator) {
        emulator.clearRequests();
        LoginDevice.Result r = round.login(t, t.people().returning().get(0), null);
        if (!r.ok()) {
            throw new IllegalStateException("the probe login at " + t.alias() + " failed: " + r.failure());
        }
        return emulator.requests().stream().map(q -> q.method() + " " + q.endpoint().replaceAll("/\\d{6,}", "/{oid}"))
                .toList();
    }

    /**
     * For each concurrency and kind, rounds of {@code roundSeconds} alternate between the identity providers (ESIA
     * first in even rounds, the baseline first in odd ones) until each has had {@code secondsPerStep}.
     */
    private static List<Cell> measure(Round round, List<Round.Target> targets, Settings s) throws InterruptedException {
        List<Cell> cells = new ArrayList<>();
        int rounds = Math.max(1, (int) Math.round((double) s.secondsPerStep() / s.roundSeconds()));
        Duration length = Duration.ofMillis(Math.round(s.secondsPerStep() * 1000.0 / rounds));
        for (int c : s.concurrency()) {
            for (LoginKind kind : LoginKind.values()) {
                List<Cell> step = new ArrayList<>();
                for (Round.Target t : targets) {
                    step.add(new Cell(t.alias(), kind, c));
                }
                for (int r = 0; r < rounds; r++) {
                    for (int k = 0; k < targets.size(); k++) {
                        int i = (r % 2 == 0) ? k : targets.size() - 1 - k;
                        round.run(targets.get(i), kind, c, length, step.get(i));
                    }
                }
                for (Cell cell : step) {
                    progress("%-4s %-11s c=%-3d %7.2f logins/s  p50 %5.0f ms  p95 %5.0f ms  %d failed%s", cell.idp,
                            kind.label(), c, cell.loginsPerSecond(), cell.percentileMillis(50),
                            cell.percentileMillis(95), cell.failed(),
                            cell.failures().isEmpty() ? "" : " " + cell.failures());
                }
                cells.addAll(step);
            }
        }
        return cells;
    }

    private static Path vault(Path work) throws IOException {
        Path dir = work.resolve("vault");
        Files.createDirectories(dir);
        try (InputStream key = ThroughputBenchmark.class.getClassLoader().getResourceAsStream("demo-keys/client-gost.key.pem")) {
            if (key == null) {
                throw new IllegalStateException("demo-keys/client-gost.key.pem is not on the class path (realm-export)");
            }
            Files.write(dir.resolve(BenchRealm.REALM + "_" + BenchRealm.VAULT_KEY), key.readAllBytes());
        }
        return dir;
    }

    /** deploy/build-options: the kc.sh build options the Dockerfile and the end-to-end server use. */
    private static List<String> buildOptions(Path repository) throws IOException {
        return Files.readAllLines(repository.resolve("deploy/build-options")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void progress(String format, Object... args) {
        System.out.println("[throughput] " + String.format(Locale.ROOT, format, args));
    }

    /** The run's knobs, from system properties (run-throughput.sh sets them). */
    record Settings(List<Integer> concurrency, int secondsPerStep, int roundSeconds, int firstPerIdp,
                    int returningPerIdp, int nodes, long seed) {

        static Settings fromSystemProperties() {
            List<Integer> c = Arrays.stream(System.getProperty("concurrency", "1,2,4,8,16,32").split(","))
                    .map(String::strip).filter(x -> !x.isEmpty()).map(Integer::parseInt).sorted().distinct().toList();
            if (c.isEmpty() || c.get(0) < 1) {
                throw new IllegalArgumentException("concurrency must list positive numbers, e.g. 1,4,16");
            }
            int seconds = Integer.getInteger("seconds", 20);
            int round = Integer.getInteger("roundSeconds", 5);
            int nodes = Integer.getInteger("nodes", 1);
            if (seconds < 1 || round < 1 || nodes < 1 || nodes > 4) {
                throw new IllegalArgumentException("seconds and roundSeconds must be positive, nodes 1 to 4");
            }
            int maxC = c.get(c.size() - 1);
            // Enough never-seen people for every first-login round at a generous 50 logins/s per node (the baseline
            // broker reached 23/s on two shared cores; a run that runs out fails its logins as "worker died").
            int first = Integer.getInteger("firstLoginPeople", Math.max(200, 50 * nodes * seconds * c.size()));
            return new Settings(c, seconds, round, first, 2 * maxC, nodes, Long.getLong("seed", 20260901L));
        }
    }
}
