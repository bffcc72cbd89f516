package ru.esiaedu.throughput;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures: a table on stdout, {@code throughput.json}, {@code throughput.csv} and {@code throughput.png}. */
final class Report {
    private final List<Cell> cells;
    private final List<Integer> concurrency;
    private final List<String> idps;

    Report(List<Cell> cells, List<Integer> concurrency, List<String> idps) {
        this.cells = List.copyOf(cells);
        this.concurrency = List.copyOf(concurrency);
        this.idps = List.copyOf(idps);
    }

    Cell cell(String idp, LoginKind kind, int c) {
        return cells.stream().filter(x -> x.idp.equals(idp) && x.kind == kind && x.concurrency == c).findFirst()
                .orElseThrow();
    }

    /** ESIA's logins/s over the baseline's at the same kind and concurrency. */
    double ratio(LoginKind kind, int c) {
        double baseline = cell(idps.get(1), kind, c).loginsPerSecond();
        return baseline == 0 ? 0 : cell(idps.get(0), kind, c).loginsPerSecond() / baseline;
    }

    String table() {
        StringBuilder b = new StringBuilder();
        String a = idps.get(0);
        String o = idps.get(1);
        b.append(String.format(Locale.ROOT, "%-11s %4s | %-44s | %-44s | %s%n", "", "", centre(a + " (ours)", 44),
                centre(o + " (Keycloak's own broker)", 44), "ratio"));
        b.append(String.format(Locale.ROOT, "%-11s %4s | %s | %s | %s%n", "kind", "conc", header(), header(), "logins/s"));
        for (LoginKind kind : LoginKind.values()) {
            for (int c : concurrency) {
                b.append(String.format(Locale.ROOT, "%-11s %4d | %s | %s | %.2f%n", kind.label(), c,
                        row(cell(a, kind, c)), row(cell(o, kind, c)), ratio(kind, c)));
            }
        }
        b.append("logins/s: logins that got in per second of wall time; p50/p95/p99: ms per whole login;"
                + " err: failed logins; cpu: Keycloak CPU ms per login\n");
        return b.toString();
    }

    private static String header() {
        return String.format(Locale.ROOT, "%8s %6s %6s %6s %4s %6s", "logins/s", "p50", "p95", "p99", "err", "cpu");
    }

    private static String row(Cell c) {
        return String.format(Locale.ROOT, "%8.2f %6.0f %6.0f %6.0f %4d %6.1f", c.loginsPerSecond(),
                c.percentileMillis(50), c.percentileMillis(95), c.percentileMillis(99), c.failed(),
                c.serverCpuMillisPerLogin());
    }

    private static String centre(String s, int width) {
        int pad = Math.max(0, (width - s.length()) / 2);
        return " ".repeat(pad) + s;
    }

    void writeJson(Path file, ObjectMapper json, ObjectNode run) throws IOException {
        ObjectNode root = run.deepCopy();
        ArrayNode rows = root.putArray("results");
        for (Cell c : cells) {
            ObjectNode r = rows.addObject();
            r.put("idp", c.idp);
            r.put("kind", c.kind.name());
            r.put("concurrency", c.concurrency);
            r.put("loginsOk", c.ok());
            r.put("loginsFailed", c.failed());
            r.put("rounds", c.rounds());
            r.put("seconds", round(c.seconds(), 2));
            r.put("loginsPerSecond", round(c.loginsPerSecond(), 3));
            r.put("p50Ms", round(c.percentileMillis(50), 1));
            r.put("p95Ms", round(c.percentileMillis(95), 1));
            r.put("p99Ms", round(c.percentileMillis(99), 1));
            r.put("keycloakCpuMsPerLogin", round(c.serverCpuMillisPerLogin(), 2));
            r.put("ranOutOfPeople", c.ranOutOfPeople());
            ObjectNode f = r.putObject("failures");
            for (Map.Entry<String, Integer> e : c.failures().entrySet()) {
                f.put(e.getKey(), e.getValue());
            }
        }
        ArrayNode ratios = root.putArray("ratios");
        for (LoginKind kind : LoginKind.values()) {
            for (int c : concurrency) {
                ratios.addObject().put("kind", kind.name()).put("concurrency", c)
                        .put("esiaOverBaseline", round(ratio(kind, c), 3));
            }
        }
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    void writeCsv(Path file) throws IOException {
        StringBuilder b = new StringBuilder("idp,kind,concurrency,logins_ok,logins_failed,seconds,logins_per_second,"
                + "p50_ms,p95_ms,p99_ms,keycloak_cpu_ms_per_login,ratio_esia_over_baseline\n");
        for (Cell c : cells) {
            b.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%.2f,%.3f,%.1f,%.1f,%.1f,%.2f,%.3f%n", c.idp,
                    c.kind.name(), c.concurrency, c.ok(), c.failed(), c.seconds(), c.loginsPerSecond(),
                    c.percentileMillis(50), c.percentileMillis(95), c.percentileMillis(99),
                    c.serverCpuMillisPerLogin(), ratio(c.kind, c.concurrency)));
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    /** Two charts side by side: logins/s and p95 latency against concurrency, a line per identity provider and kind. */
    void writeChart(Path file, String subtitle) throws IOException {
        XYChart throughput = chart("Logins per second" + subtitle, "logins/s");
        XYChart latency = chart("p95 latency of a whole login" + subtitle, "ms");
        List<Double> x = concurrency.stream().map(Integer::doubleValue).toList();
        for (String idp : idps) {
            for (LoginKind kind : LoginKind.values()) {
                String name = idp + ", " + kind.label();
                List<Double> rate = new ArrayList<>();
                List<Double> p95 = new ArrayList<>();
                for (int c : concurrency) {
                    rate.add(cell(idp, kind, c).loginsPerSecond());
                    p95.add(cell(idp, kind, c).percentileMillis(95));
                }
                throughput.addSeries(name, x, rate).setMarker(SeriesMarkers.CIRCLE);
                latency.addSeries(name, x, p95).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        String name = file.toString().replaceAll("\\.png$", "");
        BitmapEncoder.saveBitmap(List.of(throughput, latency), 1, 2, name, BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(700).height(450).title(title).xAxisTitle("concurrent logins")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisDecimalPattern("#");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
