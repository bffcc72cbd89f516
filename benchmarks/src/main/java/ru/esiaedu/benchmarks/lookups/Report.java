package ru.esiaedu.benchmarks.lookups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.esiaedu.benchmarks.lookups.RegistryLookupBenchmark.SizeResult;

/** The sizes side by side: p50/p95/p99/max in microseconds per lookup and kind, and the p99 ratio of the last to the first size. */
final class Report {

    private Report() {
    }

    static List<String> table(Map<Integer, SizeResult> results) {
        List<String> lines = new ArrayList<>();
        List<SizeResult> sizes = new ArrayList<>(results.values());
        for (SizeResult size : sizes) {
            lines.add(String.format("%,d people: load %.1f s, rows %s, load average %s", size.people, size.loadSeconds,
                    size.rows, size.loadAverage));
        }
        StringBuilder head = new StringBuilder(String.format("%-40s", "lookup (µs)"));
        for (SizeResult size : sizes) {
            head.append(String.format(" | %-37s", String.format("%,d: n p50 p95 p99 max", size.people)));
        }
        if (sizes.size() > 1) {
            head.append(" | p99 ratio");
        }
        lines.add(head.toString());
        for (String key : sizes.get(0).latencies.keySet()) {
            StringBuilder line = new StringBuilder(String.format("%-40s", key));
            for (SizeResult size : sizes) {
                Latencies l = size.latencies.get(key);
                line.append(String.format(" | %5d %7.0f %7.0f %7.0f %7.0f", l.count(), l.percentileMicros(50),
                        l.percentileMicros(95), l.percentileMicros(99), l.percentileMicros(100)));
            }
            if (sizes.size() > 1) {
                line.append(String.format(" | %5.2f", sizes.get(sizes.size() - 1).latencies.get(key).percentileMicros(99)
                        / sizes.get(0).latencies.get(key).percentileMicros(99)));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static void writeCsv(Map<Integer, SizeResult> results, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("people,lookup,count,accounts_per_lookup,p50_us,p95_us,p99_us,max_us");
        for (SizeResult size : results.values()) {
            size.latencies.forEach((key, l) -> lines.add(String.format(Locale.ROOT,
                    "%d,%s,%d,%.2f,%.0f,%.0f,%.0f,%.0f", size.people, key, l.count(), l.accountsPerLookup(),
                    l.percentileMicros(50), l.percentileMicros(95), l.percentileMicros(99), l.percentileMicros(100))));
        }
        Files.write(file, lines);
    }

    static List<Map<String, Object>> json(Map<Integer, SizeResult> results) {
        List<Map<String, Object>> sizes = new ArrayList<>();
        for (SizeResult size : results.values()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("people", size.people);
            s.put("loadSeconds", size.loadSeconds);
            s.put("rows", size.rows);
            s.put("loadAverage", size.loadAverage);
            Map<String, Object> lookups = new LinkedHashMap<>();
            size.latencies.forEach((key, l) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("count", l.count());
                m.put("accountsPerLookup", l.accountsPerLookup());
                m.put("p50Micros", l.percentileMicros(50));
                m.put("p95Micros", l.percentileMicros(95));
                m.put("p99Micros", l.percentileMicros(99));
                m.put("maxMicros", l.percentileMicros(100));
                lookups.put(key, m);
            });
            s.put("lookups", lookups);
            sizes.add(s);
        }
        return sizes;
    }
}
