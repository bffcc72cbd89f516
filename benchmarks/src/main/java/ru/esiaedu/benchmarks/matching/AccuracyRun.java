package ru.esiaedu.benchmarks.matching;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import ru.esiaedu.linker.match.MatchResult;
import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;
import ru.esiaedu.registry.normalize.Names;

/**
 * Plays every first login of a region, in the region's order, against a fresh registry: the rule set matches, every
 * account it finds is linked (as the first-login step does), and the result is judged against the truth.
 */
final class AccuracyRun {

    /** Scenarios that explain a miss; the others (no e-mail on the card, …) are printed per scenario only. */
    private static final Set<Scenario> CAUSES = EnumSet.of(Scenario.SIMPLIFIED_ESIA, Scenario.CHILD_ESIA,
            Scenario.NO_VERIFIED_PHONE, Scenario.ESIA_PHONE_OF_PARENT, Scenario.RECYCLED_NUMBER_RECEIVED,
            Scenario.NAME_TYPO, Scenario.NAME_FIELDS_SWAPPED, Scenario.NO_SNILS_ON_CARD, Scenario.NO_BIRTH_DATE_ON_CARD,
            Scenario.BIRTH_DATE_TYPO, Scenario.NO_DOCUMENT_ON_CARD, Scenario.BIRTH_CERTIFICATE_ONLY,
            Scenario.PARENT_PHONE_ON_CARD, Scenario.NO_PHONE_ON_CARD, Scenario.PLACEHOLDER_PHONE_ON_CARD,
            Scenario.OLD_NUMBER_ON_CARD, Scenario.PHONE_TYPO_ON_CARD, Scenario.TWIN);

    private AccuracyRun() {
    }

    static Tally run(String name, Region region, Function<SchoolRegistryProvider, Matcher> matcherOf)
            throws RegistryUnavailableException {
        InMemoryRegistry registry = new InMemoryRegistry(region.cards());
        Matcher matcher = matcherOf.apply(registry);
        Tally tally = new Tally(name);
        for (Login login : region.logins()) {
            judge(tally, region, registry, login, matcher.match(login.esia(), login.role()));
        }
        return tally;
    }

    private static void judge(Tally tally, Region region, SchoolRegistryProvider registry, Login login,
                              MatchResult result) throws RegistryUnavailableException {
        tally.logins++;
        if (login.hasCards()) {
            tally.withCards++;
            for (Scenario scenario : login.scenarios()) {
                tally.loginsByScenario.merge(scenario, 1, Integer::sum);
            }
        } else {
            tally.withoutCards++;
        }
        if (result.ambiguous()) {
            tally.rules.get(result.rule()).ambiguous++;
            if (login.hasCards()) {
                tally.ambiguous++;
                miss(tally, login, tally.ambiguousCauses);
                tally.ambiguousOthers.merge(result.rule() + " as " + login.role() + ": "
                        + whoElse(region, registry, login, result.rule()), 1, Integer::sum);
            } else {
                tally.withoutCardsRefused++;
            }
            return;
        }
        List<RegistryAccount> own = new ArrayList<>();
        List<RegistryAccount> others = new ArrayList<>();
        if (result.matched()) {
            for (RegistryAccount account : result.accounts()) {
                if (registry.link(account.id(), login.esia().oid(), result.rule())) {
                    (region.owners().get(account.id()) == login.person() ? own : others).add(account);
                }
            }
        }
        if (!others.isEmpty()) {
            Tally.RuleFigures figures = tally.rules.get(result.rule());
            figures.falseLinkLogins++;
            figures.falseAccounts += others.size();
            figures.ownAccountsLinked += own.size();
            tally.falseLinkLogins++;
            for (RegistryAccount victim : others) {
                falseLink(tally, region, login, result, victim);
            }
            if (login.hasCards()) {
                tally.falseLinkLoginsWithCards++;
            }
            return;
        }
        if (!login.hasCards()) {
            tally.withoutCardsRefused++;
            return;
        }
        if (own.isEmpty()) {
            tally.notFound++;
            if (ownCardTaken(registry, login)) {
                tally.cardTakenEarlier++;
            }
            miss(tally, login, tally.missCauses);
            return;
        }
        Tally.RuleFigures figures = tally.rules.get(result.rule());
        figures.loginsIn++;
        figures.ownAccountsLinked += own.size();
        tally.in++;
        if (own.size() < login.person().cardsIn(login.role()).size()) {
            tally.inPartly++;
        }
    }

    private static void miss(Tally tally, Login login, java.util.Map<String, Integer> causes) {
        for (Scenario scenario : login.scenarios()) {
            tally.missesByScenario.merge(scenario, 1, Integer::sum);
        }
        String cause = login.scenarios().stream().filter(CAUSES::contains).map(Enum::name)
                .collect(Collectors.joining(" + "));
        causes.merge(login.role() + ": " + (cause.isEmpty() ? "(none of the listed causes)" : cause), 1, Integer::sum);
    }

    /** Whose cards made a contact ambiguous: only the person's own (disagreeing) cards, or someone else's too. */
    private static String whoElse(Region region, SchoolRegistryProvider registry, Login login, LinkRule rule)
            throws RegistryUnavailableException {
        List<RegistryAccount> found = rule == LinkRule.PHONE
                ? registry.findByPhone(login.role(), login.esia().verifiedMobile())
                : registry.findByEmail(login.role(), login.esia().verifiedEmail());
        Set<String> others = new java.util.TreeSet<>();
        for (RegistryAccount account : found) {
            Person owner = region.owners().get(account.id());
            if (owner != login.person()) {
                others.add(relation(login.person(), owner));
            }
        }
        return others.isEmpty() ? "only the person's own cards, which disagree on the name or birth date"
                : "own cards and the card of " + String.join(", ", others);
    }

    private static boolean ownCardTaken(SchoolRegistryProvider registry, Login login) throws RegistryUnavailableException {
        for (String id : login.person().cardsIn(login.role())) {
            String holder = registry.findById(id).orElseThrow().esiaOid();
            if (holder != null && !holder.equals(login.esia().oid())) {
                return true;
            }
        }
        return false;
    }

    private static void falseLink(Tally tally, Region region, Login login, MatchResult result, RegistryAccount victim) {
        Person owner = region.owners().get(victim.id());
        Set<Scenario> card = region.cardScenarios().get(victim.id());
        boolean sameName = Objects.equals(Names.normalize(login.esia().lastName()), Names.normalize(victim.lastName()))
                && Objects.equals(Names.normalize(login.esia().firstName()), Names.normalize(victim.firstName()));
        String ours = Names.normalize(login.esia().middleName());
        String theirs = Names.normalize(victim.middleName());
        String name = !sameName ? "another name" : ours != null && theirs != null && !ours.equals(theirs)
                ? "same surname and first name, another middle name" : "same name";
        String relation = relation(login.person(), owner);
        tally.falseLinks.add(new Tally.FalseLink(result.rule(), login.role(), login.scenarios(), card, relation,
                name, victim.birthDate() != null, login.esia().birthDate().equals(victim.birthDate())));
        tally.falseLinkCauses.merge(result.rule() + " as " + login.role() + ": the card of " + relation
                + (sameName ? " (same name)" : ""), 1, Integer::sum);
    }

    /** Who the card's owner is to the person who got it. */
    static String relation(Person person, Person owner) {
        Person.Family family = person.family;
        if (family == null || owner.family != family) {
            return "an unrelated person";
        }
        boolean personParent = family.parents().contains(person);
        boolean ownerParent = family.parents().contains(owner);
        boolean personChild = family.children.contains(person);
        boolean ownerChild = family.children.contains(owner);
        if (personParent && ownerParent) {
            return "the spouse";
        }
        if (personParent && ownerChild) {
            return "their child";
        }
        if (personChild && ownerParent) {
            return "their parent";
        }
        if (personChild && ownerChild) {
            return person.birthDate.equals(owner.birthDate) ? "their twin" : "their sibling";
        }
        return ownerChild ? "a grandchild" : "a relative";
    }
}
