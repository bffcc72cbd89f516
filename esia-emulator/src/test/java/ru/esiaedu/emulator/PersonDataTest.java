package ru.esiaedu.emulator;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled test persons are consistent, and logins are matched the way ESIA does. */
class PersonDataTest {
    static final PersonDirectory DIR = PersonDirectory.load(null);

    @Test
    void everySnilsHasAValidCheckNumber() {
        assertThat(DIR.all()).hasSizeGreaterThanOrEqualTo(8);
        for (Person p : DIR.all()) {
            String digits = p.snils().replaceAll("\\D", "");
            assertThat(p.snils()).as(p.displayName()).matches("\\d{3}-\\d{3}-\\d{3} \\d{2}");
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (9 - i);
            }
            int check = sum < 100 ? sum : (sum <= 101 ? 0 : sum % 101 % 100);
            assertThat(Integer.parseInt(digits.substring(9))).as(p.displayName()).isEqualTo(check);
        }
    }

    @Test
    void parentsAndKidsAreLinkedBothWays() {
        for (Person p : DIR.all()) {
            for (long kid : p.kids()) {
                assertThat(DIR.find(kid).orElseThrow().parents()).as(p.displayName()).contains(p.oid());
            }
        }
    }

    @Test
    void snilsAndLoginsAreUnique() {
        java.util.Set<String> snils = new java.util.HashSet<>();
        java.util.Set<String> logins = new java.util.HashSet<>();
        for (Person p : DIR.all()) {
            assertThat(snils.add(p.snils().replaceAll("\\D", ""))).as(p.displayName()).isTrue();
            p.contacts().stream().filter(c -> "MBT".equals(c.path("type").asText()) || "EML".equals(c.path("type").asText()))
                    .forEach(c -> assertThat(logins.add(c.path("value").asText().toLowerCase(java.util.Locale.ROOT)))
                            .as(p.displayName()).isTrue());
        }
    }

    @Test
    void bothChildrenOfDianaHaveASecondParent() {
        Person timur = DIR.find(1000300110L).orElseThrow();
        assertThat(timur.displayName()).isEqualTo("Джалилов Егор Рашидович");
        assertThat(timur.trusted()).isTrue();
        assertThat(timur.accountLevel()).isEqualTo("PR");
        assertThat(timur.kids()).containsExactly(1000300104L, 1000300105L);
        assertThat(DIR.find(1000300104L).orElseThrow().parents()).containsExactlyInAnyOrder(1000300101L, 1000300110L);
        assertThat(DIR.find(1000300105L).orElseThrow().parents()).containsExactlyInAnyOrder(1000300101L, 1000300110L);
        assertThat(DIR.findByLogin("+7 900 111-01-10").map(Person::oid)).contains(1000300110L);
        assertThat(DIR.findByLogin("T.Dzhalilov@example.ru").map(Person::oid)).contains(1000300110L);
        assertThat(DIR.findByLogin("28901234579").map(Person::oid)).contains(1000300110L);
    }

    @Test
    void phoneInAnyRussianForm() {
        for (String login : new String[] {"+7 901 111-11-11", "8 (901) 1111111", "79011111111", "+7(901)1111111", "9011111111"}) {
            assertThat(DIR.findByLogin(login).map(Person::oid)).as(login).contains(1000300104L);
        }
    }

    @Test
    void emailCaseInsensitiveAndSnilsWithOrWithoutSeparators() {
        assertThat(DIR.findByLogin("PRIMER123@Mail.ru").map(Person::oid)).contains(1000300104L);
        Person zakharchenko = DIR.find(1000300101L).orElseThrow();
        assertThat(DIR.findByLogin(zakharchenko.snils())).map(Person::oid).contains(1000300101L);
        assertThat(DIR.findByLogin(zakharchenko.snils().replaceAll("\\D", ""))).map(Person::oid).contains(1000300101L);
    }

    @Test
    void unverifiedContactsAreNoLogin() {
        assertThat(DIR.findByLogin("olga.morozova88@mail.ru")).isEqualTo(Optional.empty());
        assertThat(DIR.findByLogin("+7(915)0001122")).isEmpty();
    }

    @Test
    void redirectRule() {
        RedirectRule realms = new RedirectRule("http://localhost:*/realms/");
        assertThat(realms.allows("http://localhost:8080/realms/school/broker/esia/endpoint")).isTrue();
        assertThat(realms.allows("http://localhost/realms/x")).isFalse();
        assertThat(realms.allows("http://localhost:8080/admin/")).isFalse();
        assertThat(realms.allows("http://localhost:8080@evil.ru/realms/")).isFalse();
        assertThat(realms.allows("https://localhost:8080/realms/")).isFalse();
        RedirectRule loopback = new RedirectRule("http://127.0.0.1:*");
        assertThat(loopback.allows("http://127.0.0.1:3000/cb")).isTrue();
        assertThat(loopback.allows("http://127.0.0.1.evil.ru:3000/cb")).isFalse();
    }
}
