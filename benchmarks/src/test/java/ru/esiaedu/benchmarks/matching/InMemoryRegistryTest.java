package ru.esiaedu.benchmarks.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;

class InMemoryRegistryTest {

    private static final Organisation SCHOOL = new Organisation("s1", "SCHOOL", "Школа № 1", "Район 1");
    private static final LocalDate BORN = LocalDate.of(1985, 3, 4);

    private static RegistryAccount card(String id, RegistryRole role, String last, String first, String middle,
                                        String snils, String phone, String email) {
        return new RegistryAccount(id, role, SCHOOL, null, last, first, middle, BORN, snils,
                phone == null ? List.of() : List.of(phone), email == null ? List.of() : List.of(email), List.of(), null);
    }

    private final InMemoryRegistry registry = new InMemoryRegistry(List.of(
            card("a1", RegistryRole.PARENT, "Фёдорова", "Алёна", "Петровна", "11223344595", "79011111111", "alena@mail.ru"),
            card("a2", RegistryRole.PARENT, "Фёдорова", "Алёна", null, null, null, null),
            card("a3", RegistryRole.PARENT, "Фёдорова", "Алёна", "Ивановна", null, null, null),
            card("a4", RegistryRole.STUDENT, "Фёдорова", "Алёна", "Петровна", "11223344595", "79011111111", null)));

    @Test
    void findersNormaliseWhatEsiaSends() {
        assertThat(registry.findByPhone(RegistryRole.PARENT, "+7(901)111-11-11")).extracting(RegistryAccount::id)
                .containsExactly("a1");
        assertThat(registry.findByPhone(RegistryRole.PARENT, "8 901 1111111")).extracting(RegistryAccount::id)
                .containsExactly("a1");
        assertThat(registry.findBySnils(RegistryRole.PARENT, "112-233-445 95")).extracting(RegistryAccount::id)
                .containsExactly("a1");
        assertThat(registry.findByEmail(RegistryRole.PARENT, " Alena@MAIL.ru ")).extracting(RegistryAccount::id)
                .containsExactly("a1");
    }

    @Test
    void valuesThatDoNotNormaliseFindNothing() {
        assertThat(registry.findBySnils(RegistryRole.PARENT, "112-233-445 96")).isEmpty();
        assertThat(registry.findByPhone(RegistryRole.PARENT, "+1 901 111 11 11")).isEmpty();
        assertThat(registry.findByEmail(RegistryRole.PARENT, "alena mail.ru")).isEmpty();
    }

    @Test
    void findersStayWithinTheRole() {
        assertThat(registry.findBySnils(RegistryRole.STUDENT, "11223344595")).extracting(RegistryAccount::id)
                .containsExactly("a4");
        assertThat(registry.findByPhone(RegistryRole.STAFF, "79011111111")).isEmpty();
    }

    @Test
    void nameFinderIgnoresYoAndCaseAndKeepsCardsWithoutMiddleName() {
        assertThat(registry.findByNameAndBirthDate(RegistryRole.PARENT, "ФЕДОРОВА", "алена", "Петровна", BORN))
                .extracting(RegistryAccount::id).containsExactly("a1", "a2");
        assertThat(registry.findByNameAndBirthDate(RegistryRole.PARENT, "Федорова", "Алена", null, BORN))
                .extracting(RegistryAccount::id).containsExactly("a1", "a2", "a3");
        assertThat(registry.findByNameAndBirthDate(RegistryRole.PARENT, "Федорова", "Алена", null, BORN.plusDays(1)))
                .isEmpty();
    }

    @Test
    void linkRefusesAnAccountAnotherPersonHoldsAndIsIdempotent() {
        assertThat(registry.link("a1", "oid-1", LinkRule.PHONE)).isTrue();
        assertThat(registry.link("a1", "oid-1", LinkRule.PHONE)).isTrue();
        assertThat(registry.link("a1", "oid-2", LinkRule.PHONE)).isFalse();
        assertThat(registry.link("missing", "oid-1", LinkRule.PHONE)).isFalse();
        assertThat(registry.findByPhone(RegistryRole.PARENT, "79011111111")).extracting(RegistryAccount::esiaOid)
                .containsExactly("oid-1");
        assertThat(registry.findLinked("oid-1")).extracting(RegistryAccount::id).containsExactly("a1");
    }

    @Test
    void unlinkFreesTheCardAndFindLinkedListsOnlyWhatIsStillLinked() {
        registry.link("a1", "oid-1", LinkRule.SNILS);
        registry.link("a4", "oid-1", LinkRule.SNILS);
        assertThat(registry.unlink("a1", "oid-2", "person", "Это не я")).isFalse();
        assertThat(registry.unlink("a1", "oid-1", "person", "Это не я")).isTrue();
        assertThat(registry.findLinked("oid-1")).extracting(RegistryAccount::id).containsExactly("a4");
        assertThat(registry.unlink("a4", "oid-1", "person", "Это не я")).isTrue();
        assertThat(registry.findLinked("oid-1")).isEmpty();
        assertThat(registry.link("a1", "oid-2", LinkRule.SNILS)).isTrue();
        assertThat(registry.findLinked("oid-2")).extracting(RegistryAccount::id).containsExactly("a1");
    }

    @Test
    void cardsLoadedAlreadyLinkedAreFoundByTheirOid() {
        InMemoryRegistry loaded = new InMemoryRegistry(List.of(new RegistryAccount("b1", RegistryRole.STAFF, SCHOOL, null,
                "Орлова", "Нина", null, BORN, null, List.of(), List.of(), List.of(), "oid-9")));
        assertThat(loaded.findLinked("oid-9")).extracting(RegistryAccount::id).containsExactly("b1");
        assertThat(loaded.link("b1", "oid-1", LinkRule.STAFF)).isFalse();
    }
}
