package ru.esiaedu.benchmarks.lookups;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ru.esiaedu.benchmarks.lookups.Probes.Probe;
import ru.esiaedu.benchmarks.matching.GeneratedDistrict;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;
import ru.esiaedu.registry.jdbc.JdbcSchoolRegistryProviderFactory;
import ru.esiaedu.registry.jdbc.RegistryConfig;

/**
 * The registry's lookups at region size (docs/performance.md, "Registry lookups at region size"): for each size of
 * {@code -Dpeople} (default 300000,3000000) a generated region is loaded into a fresh embedded PostgreSQL (zonky, the
 * schema made by the registry's own Liquibase changelog) and every finder a login uses is timed through the real
 * {@code JdbcSchoolRegistryProvider}, one at a time after a warm-up, with hits drawn from the region and misses; then
 * EXPLAIN (ANALYZE, BUFFERS) of the statements. Prints the sizes side by side and writes
 * {@code registry-lookups.json}, {@code .csv} and {@code registry-lookups-plans-<size>.txt}. Measures; asserts nothing.
 */
public final class RegistryLookupBenchmark {

    static final int HITS = 2400;
    static final int MISSES = 600;
    static final int WARM_UP = 600;
    static final int SERVER_SAMPLES = 300;
    static final int PLACEHOLDER_WARM_UP = 20;
    static final int PLACEHOLDER_LOOKUPS = 100;

    private RegistryLookupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String size : System.getProperty("people", "300000,3000000").split(",")) {
            sizes.add(Integer.parseInt(size.strip()));
        }
        long seed = Long.getLong("seed", 20260901L);
        Path out = Path.of(System.getProperty("out", "target"));
        Files.createDirectories(out);
        Map<Integer, SizeResult> results = new LinkedHashMap<>();
        for (int people : sizes) {
            SizeResult result = run(people, seed, HITS, MISSES, WARM_UP);
            results.put(people, result);
            result.plans.forEach(System.out::println);
            Files.write(out.resolve("registry-lookups-plans-" + people + ".txt"), result.plans);
            List<String> table = Report.table(results);
            Files.write(out.resolve("registry-lookups.txt"), table);
            Report.writeCsv(results, out.resolve("registry-lookups.csv"));
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.resolve("registry-lookups.json").toFile(), Report.json(results));
        }
        Report.table(results).forEach(System.out::println);
    }

    /** What one size produced: how long the load took, the table sizes, the latencies per rule and kind, the plans. */
    static final class SizeResult {
        final int people;
        double loadSeconds;
        Map<String, Long> rows;
        String loadAverage;
        final Map<String, Latencies> latencies = new LinkedHashMap<>();
        final List<String> plans = new ArrayList<>();

        SizeResult(int people) {
            this.people = people;
        }
    }

    /** One timed lookup: a value drawn from the region, or one no one has. */
    private record Lookup(boolean hit, Probe probe) {}

    static SizeResult run(int people, long seed, int hits, int misses, int warmUp) throws Exception {
        SizeResult result = new SizeResult(people);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(120))
                // a production-like cache; durability does not matter for a measurement of reads
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE registry");
            }
            JdbcSchoolRegistryProviderFactory factory = new JdbcSchoolRegistryProviderFactory();
            factory.init(new RegistryConfig("jdbc:postgresql://localhost:" + postgres.getPort() + "/registry",
                    "postgres", "postgres", 4, 3, 30, false, false, false));   // the default query timeout
            try {
                SchoolRegistryProvider registry = factory.create(null);
                registry.organisations();   // migrates
                List<GeneratedDistrict.EsiaPerson> sample;
                try (Connection c = postgres.getDatabase("postgres", "registry").getConnection()) {
                    long t0 = System.nanoTime();
                    RegionLoader loader = new RegionLoader(c, seed, 20_000);
                    loader.load(people, seed);
                    result.loadSeconds = (System.nanoTime() - t0) / 1e9;
                    result.rows = loader.rows();
                    sample = loader.sample();
                }
                result.loadAverage = String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                System.out.printf("%,d people: loaded %s in %.1f s (load average %s)%n", people, result.rows,
                        result.loadSeconds, result.loadAverage);
                Probes probes = new Probes(sample, seed);
                for (Rule rule : Rule.values()) {
                    List<Probe> hitProbes = probes.hits(rule, hits);
                    List<Probe> missProbes = probes.misses(rule, misses);
                    List<Probe> warm = probes.hits(rule, warmUp);
                    for (Probe p : warm) {
                        lookup(registry, rule, p);
                    }
                    List<Lookup> mixed = new ArrayList<>();
                    hitProbes.forEach(p -> mixed.add(new Lookup(true, p)));
                    missProbes.forEach(p -> mixed.add(new Lookup(false, p)));
                    Collections.shuffle(mixed, new Random(seed + rule.ordinal()));
                    Latencies hit = new Latencies();
                    Latencies miss = new Latencies();
                    Latencies all = new Latencies();
                    for (Lookup m : mixed) {
                        long t = System.nanoTime();
                        int found = lookup(registry, rule, m.probe());
                        long d = System.nanoTime() - t;
                        (m.hit() ? hit : miss).add(d, found);
                        all.add(d, found);
                    }
                    result.latencies.put(rule.name() + " hit", hit);
                    result.latencies.put(rule.name() + " miss", miss);
                    result.latencies.put(rule.name() + " all", all);
                    try (Connection c = postgres.getDatabase("postgres", "registry").getConnection()) {
                        // PostgreSQL's own time for the rule's statements, without the JDBC round trips and the
                        // wait for a core on a shared machine
                        Latencies server = new Latencies();
                        for (Probe p : hitProbes.subList(0, Math.min(SERVER_SAMPLES, hitProbes.size()))) {
                            server.add(Plans.executionNanos(Plans.explain(c, rule, p)), 0);
                        }
                        result.latencies.put(rule.name() + " hit, server time", server);
                        result.plans.add("== " + rule.finder + " (" + people + " people), a hit:");
                        result.plans.addAll(Plans.explain(c, rule, hitProbes.get(0)));
                        result.plans.add("== " + rule.finder + " (" + people + " people), a miss:");
                        result.plans.addAll(Plans.explain(c, rule, missProbes.get(0)));
                    }
                }
                // The worst phone of a region: a placeholder number schools type when they have none.
                Latencies placeholder = new Latencies();
                for (int i = 0; i < PLACEHOLDER_WARM_UP + PLACEHOLDER_LOOKUPS; i++) {
                    long t = System.nanoTime();
                    int found = registry.findByPhone(RegistryRole.STUDENT, "+7 900 000-00-00").size();
                    if (i >= PLACEHOLDER_WARM_UP) {
                        placeholder.add(System.nanoTime() - t, found);
                    }
                }
                result.latencies.put("PHONE placeholder 79000000000", placeholder);
                try (Connection c = postgres.getDatabase("postgres", "registry").getConnection()) {
                    result.plans.add("== findByPhone (" + people + " people), the placeholder number 79000000000:");
                    result.plans.addAll(Plans.explain(c, Rule.PHONE,
                            Probe.of(RegistryRole.STUDENT, "79000000000")));
                }
            } finally {
                factory.close();
            }
        }
        return result;
    }

    private static int lookup(SchoolRegistryProvider registry, Rule rule, Probe p) throws RegistryUnavailableException {
        return switch (rule) {
            case SNILS -> registry.findBySnils(p.role(), p.value()).size();
            case PHONE -> registry.findByPhone(p.role(), p.value()).size();
            case EMAIL -> registry.findByEmail(p.role(), p.value()).size();
            case NAME_BIRTH_DATE, NAME_BIRTH_DATE_MIDDLE -> registry.findByNameAndBirthDate(p.role(), p.lastName(),
                    p.firstName(), p.middleName(), p.birthDate()).size();
            case LINKED -> registry.findLinked(p.value()).size();
            case BY_ID -> registry.findById(p.value()).isPresent() ? 1 : 0;
        };
    }
}
