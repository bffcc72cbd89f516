package ru.esiaedu.benchmarks.matching;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import ru.esiaedu.linker.match.AccountMatcher;
import ru.esiaedu.login.age.AgeRules;

/**
 * The accuracy benchmark of registry matching: generates a region of {@code -Dpeople} people (default 100 000) from
 * {@code -Dseed}, plays every first login against the linker's real {@link AccountMatcher} and against the old
 * contact rule ({@link OldContactRule}) on an in-memory registry with the JDBC registry's contract, prints the table
 * and writes {@code matching-accuracy.json} and {@code .csv} to {@code -Dout} (default {@code target}).
 * Run: {@code benchmarks/run-matching-accuracy.sh [people] [seed]}.
 */
public final class MatchingAccuracyBenchmark {

    static final long DEFAULT_SEED = 20260901L;
    /** The day of the logins (ages and the 14-year document rule are counted on it), in Moscow. */
    static final LocalDate LOGIN_DAY = LocalDate.of(2026, 9, 1);

    private MatchingAccuracyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.getInteger("people", 100_000);
        long seed = Long.getLong("seed", DEFAULT_SEED);
        Path out = Path.of(System.getProperty("out", "target"));
        Report report = measure(people, seed);
        report.print(System.out);
        report.write(out);
        System.out.println();
        System.out.println("Written: " + out.resolve("matching-accuracy.json") + ", " + out.resolve("matching-accuracy.csv"));
    }

    /** Generates the region and measures both rule sets on it. */
    static Report measure(int people, long seed) throws Exception {
        // CPU time of this thread besides the wall clock: the machine is shared, the wall clock says little.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long startedCpu = threads.getCurrentThreadCpuTime();
        Region region = new RegionGenerator(seed, LOGIN_DAY).generate(people);
        long generated = System.nanoTime();
        long generatedCpu = threads.getCurrentThreadCpuTime();
        ZoneId moscow = AgeRules.DEFAULT_ZONE;
        AgeRules ageRules = new AgeRules(Clock.fixed(LOGIN_DAY.atTime(LocalTime.NOON).atZone(moscow).toInstant(), moscow));
        Tally current = AccuracyRun.run("current", region, registry -> new AccountMatcher(registry, ageRules)::match);
        long matched = System.nanoTime();
        long matchedCpu = threads.getCurrentThreadCpuTime();
        Tally old = AccuracyRun.run("old", region,
                registry -> new OldContactRule(registry, new AccountMatcher(registry, ageRules)));
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("seed", seed);
        setup.put("peopleRequested", people);
        setup.put("peopleWithCards", region.peopleWithCards());
        setup.put("people", region.people().size());
        setup.put("esiaPersons", region.people().stream().filter(person -> person.esiaAccount != null).count());
        setup.put("cards", region.cards().size());
        setup.put("logins", region.logins().size());
        setup.put("today", LOGIN_DAY.toString());
        setup.put("registry", "in memory (the JDBC registry's contract, ru.esiaedu.registry.normalize)");
        setup.put("generateSecondsWall", (generated - started) / 1e9);
        setup.put("generateSecondsCpu", (generatedCpu - startedCpu) / 1e9);
        setup.put("matchSecondsWallCurrentRule", (matched - generated) / 1e9);
        setup.put("matchSecondsCpuCurrentRule", (matchedCpu - generatedCpu) / 1e9);
        setup.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        return new Report(setup, current, old);
    }
}
