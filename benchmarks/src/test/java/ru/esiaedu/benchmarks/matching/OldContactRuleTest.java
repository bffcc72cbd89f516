package ru.esiaedu.benchmarks.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.linker.match.AccountMatcher;
import ru.esiaedu.linker.match.MatchResult;
import ru.esiaedu.login.age.AgeRules;
import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;

/** The baseline differs from the linker's matcher in the contact rule only. */
class OldContactRuleTest {

    private static final Organisation SCHOOL = new Organisation("s1", "SCHOOL", "Школа № 1", "Район 1");
    private static final AgeRules AGE = new AgeRules(Clock.fixed(Instant.parse("2026-09-01T09:00:00Z"), ZoneId.of("Europe/Moscow")));
    private static final String FATHERS_PHONE = "79011111111";

    /** The mother's card carries the father's phone too; the father's own card has it. */
    private final InMemoryRegistry registry = new InMemoryRegistry(List.of(
            new RegistryAccount("mother", RegistryRole.PARENT, SCHOOL, null, "Иванова", "Елена", "Сергеевна", null,
                    null, List.of("79022222222", FATHERS_PHONE), List.of(), List.of(), null),
            new RegistryAccount("father", RegistryRole.PARENT, SCHOOL, null, "Иванов", "Александр", "Петрович", null,
                    "11223344595", List.of(FATHERS_PHONE), List.of(), List.of(), null)));

    private static BrokeredEsiaPerson father(String snils) {
        return new BrokeredEsiaPerson("oid-father", "Иванов", "Александр", "Петрович", LocalDate.of(1984, 5, 6), snils,
                true, AccountType.CONFIRMED, null, "+7(901)1111111", null, null);
    }

    @Test
    void oldRuleLinksEveryCardThePhoneFinds() throws Exception {
        MatchResult old = new OldContactRule(registry, new AccountMatcher(registry, AGE)).match(father(null), RegistryRole.PARENT);

        assertThat(old.rule()).isEqualTo(LinkRule.PHONE);
        assertThat(old.accounts()).extracting(RegistryAccount::id).containsExactlyInAnyOrder("mother", "father");
    }

    @Test
    void currentMatcherTakesOnlyTheCardWhoseOwnerAgrees() throws Exception {
        MatchResult current = new AccountMatcher(registry, AGE).match(father(null), RegistryRole.PARENT);

        assertThat(current.rule()).isEqualTo(LinkRule.PHONE);
        assertThat(current.accounts()).extracting(RegistryAccount::id).containsExactly("father");
    }

    @Test
    void snilsStillComesFirstInTheOldRule() throws Exception {
        MatchResult old = new OldContactRule(registry, new AccountMatcher(registry, AGE))
                .match(father("112-233-445 95"), RegistryRole.PARENT);

        assertThat(old.rule()).isEqualTo(LinkRule.SNILS);
        assertThat(old.accounts()).extracting(RegistryAccount::id).containsExactly("father");
    }
}
