package ru.esiaedu.benchmarks.lookups;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.esiaedu.benchmarks.lookups.RegistryLookupBenchmark.SizeResult;
import ru.esiaedu.benchmarks.matching.GeneratedDistrict;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;

/**
 * A thousand people on embedded PostgreSQL (the 300 000 and 3 000 000 runs are benchmarks/run-registry-lookups.sh):
 * the region the benchmark loads by COPY is the one the registry's finders find, hits find the person's own card,
 * misses find nothing, and the plans are there. Measures nothing.
 */
class RegistryLookupSmokeTest {

    private static SizeResult result;

    @BeforeAll
    static void runOnASmallRegion() throws Exception {
        result = RegistryLookupBenchmark.run(1_000, 11L, 100, 30, 10);
    }

    @AfterAll
    static void forget() {
        result = null;
    }

    @Test
    void everyTableIsLoaded() {
        assertThat(result.rows).allSatisfy((table, count) -> assertThat(count).as(table).isPositive());
        assertThat(result.rows.get("sr_account")).isGreaterThanOrEqualTo(1_000L);
    }

    @Test
    void hitsFindAccountsAndMissesFindNone() {
        for (Rule rule : Rule.values()) {
            assertThat(result.latencies.get(rule.name() + " hit").count()).as(rule.name()).isPositive();
            assertThat(result.latencies.get(rule.name() + " miss").accountsPerLookup()).as(rule.name()).isZero();
        }
        // a verified SNILS, a person's oid and a card id always lead to the person's own cards
        assertThat(result.latencies.get("SNILS hit").accountsPerLookup()).isGreaterThan(0.3);
        assertThat(result.latencies.get("LINKED hit").accountsPerLookup()).isGreaterThan(0.5);
        assertThat(result.latencies.get("BY_ID hit").accountsPerLookup()).isEqualTo(1.0);
        // the *_norm columns are what the registry's finders compare with: a name as ESIA sends it finds the card
        assertThat(result.latencies.get("NAME_BIRTH_DATE hit").accountsPerLookup()).isGreaterThan(0.3);
    }

    @Test
    void everyFindersStatementIsExplained() {
        List<String> headings = result.plans.stream().filter(line -> line.startsWith("== ")).toList();
        for (Rule rule : Rule.values()) {
            assertThat(headings).anyMatch(h -> h.startsWith("== " + rule.finder + " "));
        }
        assertThat(result.plans).anyMatch(line -> line.contains("Index Scan using ix_sr_account_name_birth")
                || line.contains("Bitmap Index Scan on ix_sr_account_name_birth"));
    }

    /** Plans repeats the registry's statement (package-private there): read it from the registry to see they agree. */
    @Test
    void thePlansExplainTheRegistrysOwnStatement() throws Exception {
        Class<?> lookup = Class.forName("ru.esiaedu.registry.jdbc.AccountLookup");
        Method sql = lookup.getDeclaredMethod("sql", String.class);
        sql.setAccessible(true);
        assertThat(Plans.statement("WHERE a.id = ?")).isEqualTo(sql.invoke(null, "WHERE a.id = ?"));
        for (String where : new String[] {"BY_PHONE", "BY_EMAIL"}) {
            Field registrys = lookup.getDeclaredField(where);
            registrys.setAccessible(true);
            assertThat(Plans.class.getDeclaredField(where).get(null)).as(where).isEqualTo(registrys.get(null));
        }
    }

    @Test
    void districtsShareNoSnilsNumbers() {
        Set<String> first = snilsOf(GeneratedDistrict.generate(1L, 500, 2_000_000L).cards());
        Set<String> second = snilsOf(GeneratedDistrict.generate(2L, 500, 2_400_000L).cards());
        assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(second);
    }

    @Test
    void aParentCardIsLinkedOnlyToStudentCardsOfItsOrganisation() {
        GeneratedDistrict district = GeneratedDistrict.generate(3L, 1_000, 2_000_000L);
        var byId = district.cards().stream().collect(Collectors.toMap(RegistryAccount::id, a -> a));
        assertThat(district.parentLinks()).isNotEmpty().allSatisfy(link -> {
            RegistryAccount parent = byId.get(link.parentCardId());
            RegistryAccount student = byId.get(link.studentCardId());
            assertThat(parent.role()).isEqualTo(RegistryRole.PARENT);
            assertThat(student.role()).isEqualTo(RegistryRole.STUDENT);
            assertThat(parent.organisation()).isEqualTo(student.organisation());
        });
    }

    private static Set<String> snilsOf(List<RegistryAccount> cards) {
        return cards.stream().map(RegistryAccount::snils).filter(s -> s != null).collect(Collectors.toSet());
    }
}
