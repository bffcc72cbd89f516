package ru.esiaedu.throughput.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * «Our own server time per login … median and p99», composed from the JMH figures of the parts (target/jmh.json)
 * with how often one ESIA login does each part, so that the sum is computed from the run, not written by hand. The sum
 * of the parts' medians approximates the median of the whole (the parts run one after another in one request thread;
 * a sum of medians is not the median of a sum); the sum of the minima is the best guess of the cost on a free core.
 * Run by run-jmh.sh after the benchmarks.
 */
public final class OwnTimePerLogin {

    /** One benchmark and what it is, as the table names it. */
    record Part(String benchmark, String what) {
    }

    /** A kind of login and how many times it does each part; parts it does not do are absent. */
    record Login(String name, Map<String, Integer> counts) {
    }

    /** JMH's sample-time figures of one benchmark, in milliseconds per call. */
    record Figures(double min, double median, double p99) {
    }

    /**
     * A login's sums; {@code p99} adds the parts' p99s, a pessimistic bound (every part at its p99 in the same login),
     * not the p99 of a login. {@code missing} names the parts the run did not measure (the sums leave them out).
     */
    record Sum(Login login, double median, double min, double p99, List<String> missing) {
    }

    static final List<Part> PARTS = List.of(
            new Part("EsiaLoginWork.signerFromPem", "building the GOST signer from PEM (kept per key by MaterialCache)"),
            new Part("EsiaLoginWork.signRequest", "one GOST request signature (authorization request, token request)"),
            new Part("EsiaTokenWork.esiaCertificatesFromPem", "the ESIA certificates from PEM (part of the next line)"),
            new Part("EsiaTokenWork.tokenVerifierFromPem", "the token verifier from the ESIA certificates' PEM, per callback"),
            new Part("EsiaTokenWork.verifyAccessTokenRs256", "access token check, RS256"),
            new Part("EsiaTokenWork.verifyIdTokenRs256", "id token check, RS256"),
            new Part("EsiaTokenWork.verifyAccessTokenGost", "access token check, GOST"),
            new Part("EsiaTokenWork.verifyIdTokenGost", "id token check, GOST"),
            new Part("EsiaLoginWork.parsePerson", "the person answer, text to EsiaPerson"),
            new Part("FirstLoginMatchWork.matchFoundBySnils", "first login's match, found by SNILS"),
            new Part("FirstLoginMatchWork.matchFoundByNobody", "first login's match, no rule finds the person (role chosen)"),
            new Part("FirstLoginMatchWork.matchFoundByNobodyAnyRole", "the same without a role: every rule for every role"),
            new Part("ConsentWork.decideStudentConsent", "a student's consent: ESIA's answer parsed, decision, the step's plan"));

    /** The logins summed: ESIA signs tokens RS256 unless the client system is set to GOST. */
    static final List<Login> LOGINS = List.of(
            new Login("a first ESIA login (RS256 tokens, the card found by SNILS, a student's consent)", counts(true, false)),
            new Login("a returning ESIA login (RS256 tokens, a student's consent)", counts(false, false)),
            new Login("the same first login with GOST tokens", counts(true, true)));

    private static Map<String, Integer> counts(boolean firstLogin, boolean gostTokens) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("EsiaLoginWork.signRequest", 2);
        counts.put("EsiaTokenWork.tokenVerifierFromPem", 1);
        counts.put(gostTokens ? "EsiaTokenWork.verifyAccessTokenGost" : "EsiaTokenWork.verifyAccessTokenRs256", 1);
        counts.put(gostTokens ? "EsiaTokenWork.verifyIdTokenGost" : "EsiaTokenWork.verifyIdTokenRs256", 1);
        counts.put("EsiaLoginWork.parsePerson", 1);
        if (firstLogin) {
            counts.put("FirstLoginMatchWork.matchFoundBySnils", 1);
        }
        counts.put("ConsentWork.decideStudentConsent", 1);
        return counts;
    }

    private OwnTimePerLogin() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "throughput-benchmark/target/jmh.json");
        Map<String, Figures> figures = read(new ObjectMapper().readTree(Files.readString(file)));
        System.out.print(report(figures));
    }

    /** Each benchmark's figures by its class and method ({@code EsiaLoginWork.signRequest}). */
    static Map<String, Figures> read(JsonNode results) {
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String name = result.path("benchmark").asText();
            String[] parts = name.split("\\.");
            String key = parts.length < 2 ? name : parts[parts.length - 2] + "." + parts[parts.length - 1];
            JsonNode metric = result.path("primaryMetric");
            double toMs = millisPer(metric.path("scoreUnit").asText());
            JsonNode percentiles = metric.path("scorePercentiles");
            figures.put(key, new Figures(percentiles.path("0.0").asDouble() * toMs,
                    percentiles.path("50.0").asDouble() * toMs, percentiles.path("99.0").asDouble() * toMs));
        }
        return figures;
    }

    static Sum sum(Login login, Map<String, Figures> figures) {
        double median = 0;
        double min = 0;
        double p99 = 0;
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Integer> count : login.counts().entrySet()) {
            Figures part = figures.get(count.getKey());
            if (part == null) {
                missing.add(count.getKey());
                continue;
            }
            median += count.getValue() * part.median();
            min += count.getValue() * part.min();
            p99 += count.getValue() * part.p99();
        }
        return new Sum(login, median, min, p99, missing);
    }

    static String report(Map<String, Figures> figures) {
        StringBuilder out = new StringBuilder("\nOur own server work per ESIA login (JMH sample time, per call; × = calls per login: "
                + "first / returning / first with GOST tokens)\n\n");
        out.append("| per call | min | median | p99 | × |\n|---|---:|---:|---:|---|\n");
        for (Part part : PARTS) {
            Figures f = figures.get(part.benchmark());
            out.append("| `").append(part.benchmark()).append("` — ").append(part.what()).append(" | ");
            out.append(f == null ? "not run | | " : ms(f.min()) + " | " + ms(f.median()) + " | " + ms(f.p99()));
            out.append(" | ");
            List<String> times = new ArrayList<>();
            for (Login login : LOGINS) {
                times.add(Integer.toString(login.counts().getOrDefault(part.benchmark(), 0)));
            }
            out.append(String.join(" / ", times)).append(" |\n");
        }
        out.append('\n');
        for (Login login : LOGINS) {
            Sum sum = sum(login, figures);
            out.append(String.format(Locale.ROOT, "own server time per ESIA login ≈ %.2f ms median (%.2f ms from the minima, "
                    + "%.1f ms if every part took its p99): %s", sum.median(), sum.min(), sum.p99(), login.name()));
            if (!sum.missing().isEmpty()) {
                out.append(" — WITHOUT ").append(String.join(", ", sum.missing())).append(" (not run)");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static double millisPer(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-6;
            case "us/op" -> 1e-3;
            case "ms/op" -> 1;
            case "s/op" -> 1e3;
            default -> throw new IllegalArgumentException("JMH unit " + unit + " is not a time per call (run with -bm sample)");
        };
    }

    /** Milliseconds with three significant digits, so that microseconds stay readable. */
    static String ms(double millis) {
        if (millis >= 10) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        if (millis >= 0.1) {
            return String.format(Locale.ROOT, "%.2f ms", millis);
        }
        return String.format(Locale.ROOT, "%.1f µs", millis * 1000);
    }
}
