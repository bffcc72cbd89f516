package ru.esiaedu.benchmarks.matching;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import ru.esiaedu.registry.LinkRule;

/** The figures of both rule sets side by side: a table on stdout, the same in JSON and CSV. */
final class Report {

    private final Map<String, Object> setup;
    private final Tally current;
    private final Tally old;

    Report(Map<String, Object> setup, Tally current, Tally old) {
        this.setup = setup;
        this.current = current;
        this.old = old;
    }

    Tally current() {
        return current;
    }

    Tally old() {
        return old;
    }

    void print(PrintStream out) {
        out.printf("Matching accuracy: %s people with cards, %s cards, %s ESIA persons, %s first logins (seed %s, %s)%n",
                setup.get("peopleWithCards"), setup.get("cards"), setup.get("esiaPersons"), current.logins,
                setup.get("seed"), setup.get("today"));
        out.printf("  generated in %.1f s CPU, %d logins matched by the current rule in %.1f s CPU (%s processors)%n",
                setup.get("generateSecondsCpu"), current.logins, setup.get("matchSecondsCpuCurrentRule"),
                setup.get("availableProcessors"));
        out.printf("  %d logins by people holding a card in the chosen role, %d by people who hold none (must get nothing)%n%n",
                current.withCards, current.withoutCards);
        out.printf("%-14s | %-50s | %-40s%n", "", "current: a contact counts only for its owner", "old: every card a contact finds is linked");
        out.printf("%-14s | %9s %11s %11s %10s | %9s %11s %11s%n", "rule", "got in", "false-link", "false",
                "ambiguous", "got in", "false-link", "false");
        out.printf("%-14s | %9s %11s %11s %10s | %9s %11s %11s%n", "", "(logins)", "logins", "accounts", "refusals",
                "(logins)", "logins", "accounts");
        out.println("-".repeat(110));
        for (LinkRule rule : LinkRule.MATCH_ORDER) {
            Tally.RuleFigures c = current.rules.get(rule);
            Tally.RuleFigures o = old.rules.get(rule);
            out.printf("%-14s | %9d %11d %11d %10d | %9d %11d %11d%n", rule, c.loginsIn, c.falseLinkLogins,
                    c.falseAccounts, c.ambiguous, o.loginsIn, o.falseLinkLogins, o.falseAccounts);
        }
        out.println("-".repeat(110));
        out.printf("%-14s | %9d %11d %11d %10d | %9d %11d %11d%n", "total", current.in, current.falseLinkLogins,
                current.falseAccounts(), current.rules.values().stream().mapToInt(r -> r.ambiguous).sum(),
                old.in, old.falseLinkLogins, old.falseAccounts());
        out.println();
        line(out, "", "current", "old");
        line(out, "got in without a request", percent(current.shareIn()), percent(old.shareIn()));
        line(out, "  of them with a card left unlinked", current.inPartly, old.inPartly);
        line(out, "refused: contact leads to several people", current.ambiguous, old.ambiguous);
        line(out, "not found (a request to the school)", current.notFound, old.notFound);
        line(out, "  of them: own card taken by an earlier false link", current.cardTakenEarlier, old.cardTakenEarlier);
        line(out, "must get nothing: refused", current.withoutCardsRefused + " of " + current.withoutCards,
                old.withoutCardsRefused + " of " + old.withoutCards);
        out.println();

        out.println("False links of the current rule (target 0):");
        if (current.falseLinks.isEmpty()) {
            out.println("  none");
        }
        for (Tally.FalseLink link : current.falseLinks) {
            out.printf("  %s as %s got the card of %s: %s, %s%n      login: %s%n      card:  %s%n",
                    link.rule(), link.role(), link.relation(), link.name(),
                    link.sameBirthDate() ? "same birth date" : link.cardHasBirthDate() ? "another birth date"
                            : "no birth date on the card", link.login(), link.card());
        }
        out.println();
        out.println("False links of the old rule, by cause:");
        Tally.top(old.falseLinkCauses, 12).forEach((cause, count) -> out.printf("  %7d  %s%n", count, cause));
        out.println();
        out.println("Where the current rule's misses come from (not found, by the scenarios of the login; top 15):");
        int misses = current.notFound;
        Tally.top(current.missCauses, 15).forEach((cause, count) ->
                out.printf("  %7d %6s  %s%n", count, percent(misses == 0 ? 0 : (double) count / misses), cause));
        out.println();
        out.println("Ambiguous refusals of the current rule, by whose cards the contact found:");
        Tally.top(current.ambiguousOthers, 8).forEach((cause, count) -> out.printf("  %7d  %s%n", count, cause));
        out.println("... and by the scenarios of the login (top 8):");
        Tally.top(current.ambiguousCauses, 8).forEach((cause, count) -> out.printf("  %7d  %s%n", count, cause));
        out.println();
        out.println("Miss rate per scenario (current rule: not in / logins with the scenario):");
        for (Scenario scenario : Scenario.values()) {
            int total = current.loginsByScenario.getOrDefault(scenario, 0);
            if (total == 0) {
                continue;
            }
            int missed = current.missesByScenario.getOrDefault(scenario, 0);
            out.printf("  %-28s %7d of %7d  %6s  %s%n", scenario, missed, total, percent((double) missed / total),
                    scenario.description);
        }
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("setup", setup);
        json.put("current", figures(current));
        json.put("old", figures(old));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("matching-accuracy.json").toFile(), json);
        List<String> csv = new ArrayList<>();
        csv.add("matcher,rule,logins_in,own_accounts_linked,false_link_logins,false_accounts,ambiguous,share_in");
        for (Tally tally : List.of(current, old)) {
            for (LinkRule rule : LinkRule.MATCH_ORDER) {
                Tally.RuleFigures f = tally.rules.get(rule);
                csv.add(String.join(",", tally.name, rule.name(), "" + f.loginsIn, "" + f.ownAccountsLinked,
                        "" + f.falseLinkLogins, "" + f.falseAccounts, "" + f.ambiguous, ""));
            }
            csv.add(String.join(",", tally.name, "TOTAL", "" + tally.in,
                    "" + tally.rules.values().stream().mapToInt(f -> f.ownAccountsLinked).sum(),
                    "" + tally.falseLinkLogins, "" + tally.falseAccounts(), "" + tally.ambiguous,
                    String.format(Locale.ROOT, "%.4f", tally.shareIn())));
        }
        Files.write(directory.resolve("matching-accuracy.csv"), csv, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> figures(Tally tally) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("logins", tally.logins);
        figures.put("loginsWithCards", tally.withCards);
        figures.put("gotIn", tally.in);
        figures.put("shareGotIn", tally.shareIn());
        figures.put("gotInWithCardLeftUnlinked", tally.inPartly);
        figures.put("ambiguousRefusals", tally.ambiguous);
        figures.put("notFound", tally.notFound);
        figures.put("notFoundOwnCardTakenByEarlierFalseLink", tally.cardTakenEarlier);
        figures.put("falseLinkLogins", tally.falseLinkLogins);
        figures.put("falseAccounts", tally.falseAccounts());
        figures.put("loginsWithoutCards", tally.withoutCards);
        figures.put("loginsWithoutCardsRefused", tally.withoutCardsRefused);
        Map<String, Object> rules = new LinkedHashMap<>();
        tally.rules.forEach((rule, f) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("loginsIn", f.loginsIn);
            r.put("ownAccountsLinked", f.ownAccountsLinked);
            r.put("falseLinkLogins", f.falseLinkLogins);
            r.put("falseAccounts", f.falseAccounts);
            r.put("ambiguousRefusals", f.ambiguous);
            rules.put(rule.name(), r);
        });
        figures.put("rules", rules);
        List<Map<String, Object>> falseLinks = new ArrayList<>();
        for (Tally.FalseLink link : tally.falseLinks.subList(0, Math.min(200, tally.falseLinks.size()))) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("rule", link.rule().name());
            f.put("role", link.role().name());
            f.put("cardOwner", link.relation());
            f.put("name", link.name());
            f.put("cardHasBirthDate", link.cardHasBirthDate());
            f.put("sameBirthDate", link.sameBirthDate());
            f.put("loginScenarios", link.login());
            f.put("cardScenarios", link.card());
            falseLinks.add(f);
        }
        figures.put("falseLinks", falseLinks);
        figures.put("falseLinkCauses", Tally.top(tally.falseLinkCauses, 50));
        figures.put("missCauses", Tally.top(tally.missCauses, 50));
        figures.put("ambiguousCauses", Tally.top(tally.ambiguousCauses, 50));
        figures.put("ambiguousByWhoseCards", Tally.top(tally.ambiguousOthers, 50));
        Map<String, Object> perScenario = new LinkedHashMap<>();
        for (Scenario scenario : Scenario.values()) {
            int total = tally.loginsByScenario.getOrDefault(scenario, 0);
            if (total > 0) {
                perScenario.put(scenario.name(), Map.of("logins", total,
                        "missed", tally.missesByScenario.getOrDefault(scenario, 0)));
            }
        }
        figures.put("byScenario", perScenario);
        return figures;
    }

    private static void line(PrintStream out, String label, Object current, Object old) {
        out.printf("%-52s %12s   %12s%n", label, current, old);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
