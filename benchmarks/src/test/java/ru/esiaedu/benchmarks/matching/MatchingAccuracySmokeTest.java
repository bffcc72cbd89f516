package ru.esiaedu.benchmarks.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.esiaedu.registry.RegistryAccount;

/**
 * A few hundred people only (the 100 000-person run is benchmarks/run-matching-accuracy.sh): the generator keeps
 * its promises and the accounting adds up.
 */
class MatchingAccuracySmokeTest {

    private static final long SEED = 7L;

    @Test
    void registryHoldsAtLeastTheRequestedPeopleAndEveryCardHasItsTrueOwner() {
        Region region = new RegionGenerator(SEED, MatchingAccuracyBenchmark.LOGIN_DAY).generate(400);

        assertThat(region.peopleWithCards()).isGreaterThanOrEqualTo(400);
        for (RegistryAccount card : region.cards()) {
            Person owner = region.owners().get(card.id());
            assertThat(owner.cardsIn(card.role())).contains(card.id());
        }
        for (Login login : region.logins()) {
            assertThat(login.esia().oid()).isEqualTo(login.person().oid());
            assertThat(login.person().esiaAccount).isNotNull();
        }
    }

    @Test
    void theGeneratedRegionHasEveryScenarioTheBriefNames() {
        Region region = new RegionGenerator(SEED, MatchingAccuracyBenchmark.LOGIN_DAY).generate(3000);
        Set<Scenario> seen = EnumSet.noneOf(Scenario.class);
        region.logins().forEach(login -> seen.addAll(login.scenarios()));
        region.cardScenarios().values().forEach(seen::addAll);

        assertThat(seen).contains(Scenario.PARENT_IN_FAMILY, Scenario.STAFF_WHO_IS_PARENT, Scenario.NAMESAKE,
                Scenario.TWIN, Scenario.YO_AS_E, Scenario.NAME_TYPO, Scenario.PARENT_PHONE_ON_CARD,
                Scenario.FAMILY_EMAIL_ON_CARD, Scenario.RECYCLED_NUMBER_RECEIVED, Scenario.OLD_NUMBER_ON_CARD,
                Scenario.NO_SNILS_ON_CARD, Scenario.PLACEHOLDER_PHONE_ON_CARD, Scenario.NO_CARD_IN_ROLE);
    }

    @Test
    void sameSeedGivesTheSameRegionAndLogins() {
        Region one = new RegionGenerator(SEED, MatchingAccuracyBenchmark.LOGIN_DAY).generate(300);
        Region two = new RegionGenerator(SEED, MatchingAccuracyBenchmark.LOGIN_DAY).generate(300);

        assertThat(two.cards()).isEqualTo(one.cards());
        assertThat(two.logins().stream().map(login -> login.esia().oid() + login.role()).toList())
                .isEqualTo(one.logins().stream().map(login -> login.esia().oid() + login.role()).toList());
    }

    @Test
    void everyLoginIsCountedOnceAndTheOldRuleLinksMoreOfOthersCards() throws Exception {
        Report report = MatchingAccuracyBenchmark.measure(300, SEED);

        for (Tally tally : List.of(report.current(), report.old())) {
            assertThat(tally.in + tally.ambiguous + tally.notFound + tally.falseLinkLoginsWithCards)
                    .isEqualTo(tally.withCards);
            assertThat(tally.withoutCardsRefused + tally.falseLinkLogins - tally.falseLinkLoginsWithCards)
                    .isEqualTo(tally.withoutCards);
            assertThat(tally.withCards + tally.withoutCards).isEqualTo(tally.logins).isPositive();
            assertThat(tally.rules.values().stream().mapToInt(rule -> rule.loginsIn).sum()).isEqualTo(tally.in);
        }
        assertThat(report.old().falseAccounts()).isGreaterThan(report.current().falseAccounts());
        assertThat(report.old().ambiguous).isZero();
    }

    @Test
    void writesTheJsonAndTheCsv(@TempDir Path out) throws Exception {
        Report report = MatchingAccuracyBenchmark.measure(300, SEED);
        report.write(out);

        JsonNode json = new ObjectMapper().readTree(out.resolve("matching-accuracy.json").toFile());
        assertThat(json.at("/setup/seed").asLong()).isEqualTo(SEED);
        assertThat(json.at("/current/gotIn").asInt()).isEqualTo(report.current().in);
        assertThat(json.at("/old/rules/PHONE/falseAccounts").asInt()).isEqualTo(report.old().rules
                .get(ru.esiaedu.registry.LinkRule.PHONE).falseAccounts);
        List<String> csv = Files.readAllLines(out.resolve("matching-accuracy.csv"), StandardCharsets.UTF_8);
        assertThat(csv).hasSize(11);
        assertThat(csv.get(0)).startsWith("matcher,rule,");
        assertThat(csv).anyMatch(line -> line.startsWith("current,TOTAL," + report.current().in + ","));
    }
}
