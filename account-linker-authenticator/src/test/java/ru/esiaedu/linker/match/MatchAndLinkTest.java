package ru.esiaedu.linker.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.linker.firstlogin.MatchNotes;
import ru.esiaedu.login.age.AgeRules;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;

/** What matching leaves in the registry and in the notes: links with their rule, nothing for others' accounts. */
class MatchAndLinkTest {

    private static final AgeRules AGE = new AgeRules(Clock.fixed(Instant.parse("2026-03-15T09:00:00Z"), ZoneOffset.UTC)
            .withZone(AgeRules.DEFAULT_ZONE));
    private static final Organisation SCHOOL = new Organisation("org-1", "SCHOOL", "МБОУ СОШ № 1", "Челябинск");

    private final FakeRegistry registry = new FakeRegistry();

    private static RegistryAccount parentCard(String id, String oid, List<String> phones) {
        return new RegistryAccount(id, RegistryRole.PARENT, SCHOOL, null, "ЗАХАРЧЕНКО", "ДИАНА", null,
                LocalDate.of(1985, 4, 2), null, phones, List.of(), List.of(), oid);
    }

    private static BrokeredEsiaPerson diana() {
        return new BrokeredEsiaPerson("1000001", "Захарченко", "Диана", null, LocalDate.of(1985, 4, 2), null, true,
                AccountType.CONFIRMED, null, "+7 901 111-11-11", null, null);
    }

    @Test
    void everyMatchedAccountIsLinkedWithItsRuleAndNoted() throws Exception {
        registry.add(parentCard("p1", null, List.of("79011111111"))).add(parentCard("p2", null, List.of("79011111111")));
        MatchNotes notes = MatchAndLink.run(registry, AGE, diana(), Optional.of(RegistryRole.PARENT));
        assertThat(notes.accounts()).isEqualTo("p1,p2");
        assertThat(notes.rules()).isEqualTo("PHONE");
        assertThat(notes.ambiguousContact()).isFalse();
        assertThat(registry.links).containsExactly("p1:PHONE", "p2:PHONE");
    }

    @Test
    void anAccountAnotherPersonHoldsIsNeitherLinkedNorNoted() throws Exception {
        registry.add(parentCard("p1", "someone-else", List.of("79011111111")));
        MatchNotes notes = MatchAndLink.run(registry, AGE, diana(), Optional.of(RegistryRole.PARENT));
        assertThat(notes.empty()).isTrue();
        assertThat(registry.links).isEmpty();
    }

    @Test
    void aContactLeadingToSeveralPeopleLinksNothingAndSaysSo() throws Exception {
        registry.add(parentCard("p1", null, List.of("79011111111")));
        registry.add(new RegistryAccount("p2", RegistryRole.PARENT, SCHOOL, null, "ЗАХАРЧЕНКО", "ДИАНА", null,
                LocalDate.of(1961, 1, 1), null, List.of("79011111111"), List.of(), List.of(), null));
        BrokeredEsiaPerson noBirthDate = new BrokeredEsiaPerson("1000001", "Захарченко", "Диана", null, null, null, true,
                AccountType.CONFIRMED, null, "+79011111111", null, null);
        MatchNotes notes = MatchAndLink.run(registry, AGE, noBirthDate, Optional.of(RegistryRole.PARENT));
        assertThat(notes.empty()).isTrue();
        assertThat(notes.ambiguousContact()).isTrue();
        assertThat(registry.links).isEmpty();
    }

    @Test
    void withoutAChosenRoleEveryRoleIsTried() throws Exception {
        registry.add(parentCard("p1", null, List.of("79011111111")));
        registry.add(new RegistryAccount("s1", RegistryRole.STAFF, SCHOOL, null, "ЗАХАРЧЕНКО", "ДИАНА", null,
                LocalDate.of(1985, 4, 2), null, List.of("79011111111"), List.of(), List.of(), null));
        MatchNotes notes = MatchAndLink.run(registry, AGE, diana(), Optional.empty());
        assertThat(notes.accounts()).isEqualTo("p1,s1");
        assertThat(registry.links).containsExactly("p1:PHONE", "s1:PHONE");
    }

    /**
     * After the self-linking cut-off only the school links: a staff member linked this person's ESIA identity to a
     * card none of whose data ESIA shares (no SNILS, another phone). At the person's first login that card is found.
     */
    @Test
    void anAccountTheSchoolLinkedToThisPersonIsFoundAtTheFirstLogin() throws Exception {
        registry.add(parentCard("p1", "1000001", List.of("79990000000")));
        MatchNotes notes = MatchAndLink.run(registry, AGE, diana(), Optional.of(RegistryRole.PARENT));
        assertThat(notes.accounts()).isEqualTo("p1");
        assertThat(notes.rules()).isEqualTo("STAFF");
        assertThat(registry.links).as("nothing linked again").isEmpty();
    }

    @Test
    void anAccountTheSchoolLinkedInAnotherRoleIsNotTakenForTheChosenRole() throws Exception {
        registry.add(new RegistryAccount("s1", RegistryRole.STAFF, SCHOOL, null, "ЗАХАРЧЕНКО", "ДИАНА", null,
                LocalDate.of(1985, 4, 2), null, List.of(), List.of(), List.of(), "1000001"));
        MatchNotes notes = MatchAndLink.run(registry, AGE, diana(), Optional.of(RegistryRole.PARENT));
        assertThat(notes.empty()).isTrue();
    }

    @Test
    void aCardBothLinkedByTheSchoolAndMatchedIsNotedOnce() throws Exception {
        registry.add(parentCard("p1", "1000001", List.of("79011111111")));
        MatchNotes notes = MatchAndLink.run(registry, AGE, diana(), Optional.of(RegistryRole.PARENT));
        assertThat(notes.accounts()).isEqualTo("p1");
        assertThat(notes.rules()).as("a card a rule finds keeps that rule's name").isEqualTo("PHONE");
    }

    @Test
    void aRegistryOutageIsReportedAndNothingIsLinked() {
        registry.add(parentCard("p1", null, List.of("79011111111")));
        registry.down = true;
        assertThatThrownBy(() -> MatchAndLink.run(registry, AGE, diana(), Optional.of(RegistryRole.PARENT)))
                .isInstanceOf(RegistryUnavailableException.class);
        assertThat(registry.links).isEmpty();
    }
}
