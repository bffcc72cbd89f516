package ru.esiaedu.benchmarks.matching;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.RegistryRole;

/** What one rule set did with every login of a region. */
final class Tally {

    /** Per match rule. */
    static final class RuleFigures {
        /** Logins this rule let in (only own accounts linked). */
        int loginsIn;
        /** Accounts linked by the rule that belong to the person. */
        int ownAccountsLinked;
        /** Accounts linked by the rule that belong to someone else. */
        int falseAccounts;
        /** Logins where the rule linked at least one account of someone else. */
        int falseLinkLogins;
    /** False-link logins of people who hold a card in the role (the rest hold none). */
    int falseLinkLoginsWithCards;
        /** Logins the rule refused because its contact leads to several people. */
        int ambiguous;
    }

    /** One login that got someone else's account. */
    record FalseLink(LinkRule rule, RegistryRole role, Set<Scenario> login, Set<Scenario> card, String relation,
                     String name, boolean cardHasBirthDate, boolean sameBirthDate) {
    }

    final String name;
    final Map<LinkRule, RuleFigures> rules = new EnumMap<>(LinkRule.class);
    int logins;
    /** Logins of people who hold a card in the chosen role. */
    int withCards;
    int in;
    /** Got in, but some of the person's cards in the role stayed unlinked. */
    int inPartly;
    int ambiguous;
    int notFound;
    /** Not found because an earlier false link took the person's card. */
    int cardTakenEarlier;
    int falseLinkLogins;
    /** False-link logins of people who hold a card in the role (the rest hold none). */
    int falseLinkLoginsWithCards;
    /** Logins of people without a card in the role: they must get nothing. */
    int withoutCards;
    int withoutCardsRefused;
    final List<FalseLink> falseLinks = new ArrayList<>();
    /** Logins with cards that did not get in (not found or ambiguous), by scenario. */
    final Map<Scenario, Integer> missesByScenario = new EnumMap<>(Scenario.class);
    final Map<Scenario, Integer> loginsByScenario = new EnumMap<>(Scenario.class);
    final Map<String, Integer> missCauses = new TreeMap<>();
    final Map<String, Integer> ambiguousCauses = new TreeMap<>();
    /** Ambiguous refusals by whose cards the contact found besides the person's. */
    final Map<String, Integer> ambiguousOthers = new TreeMap<>();
    final Map<String, Integer> falseLinkCauses = new TreeMap<>();

    Tally(String name) {
        this.name = name;
        for (LinkRule rule : LinkRule.MATCH_ORDER) {
            rules.put(rule, new RuleFigures());
        }
    }

    double shareIn() {
        return withCards == 0 ? 0 : (double) in / withCards;
    }

    int falseAccounts() {
        return rules.values().stream().mapToInt(figures -> figures.falseAccounts).sum();
    }

    static <K> Map<K, Integer> top(Map<K, Integer> counts, int limit) {
        Map<K, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<K, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        return top;
    }
}
