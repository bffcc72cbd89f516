package ru.esiaedu.benchmarks.lookups;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import ru.esiaedu.benchmarks.matching.GeneratedDistrict.EsiaPerson;
import ru.esiaedu.registry.RegistryRole;

/**
 * The values the lookups are made with, as a first login or a returning one would send them: drawn from ESIA persons of
 * the loaded region (hits: the person's verified phone, verified e-mail, SNILS, name and birth date, oid, a card id)
 * and values no one in the region has (misses). A missing SNILS or phone is valid, so that the registry really looks
 * it up instead of refusing it before the query.
 */
final class Probes {

    /** One lookup's arguments; only the fields its rule uses are set. */
    record Probe(RegistryRole role, String value, String lastName, String firstName, String middleName,
                 LocalDate birthDate) {
        static Probe of(RegistryRole role, String value) {
            return new Probe(role, value, null, null, null, null);
        }
    }

    private final List<EsiaPerson> persons;
    private final Random random;

    Probes(List<EsiaPerson> persons, long seed) {
        this.persons = persons;
        this.random = new Random(seed);
    }

    List<Probe> hits(Rule rule, int count) {
        List<Probe> probes = new ArrayList<>(count);
        for (int attempt = 0; probes.size() < count && attempt < count * 50; attempt++) {
            EsiaPerson person = persons.get(random.nextInt(persons.size()));
            RegistryRole role = roleOf(person);
            Probe probe = switch (rule) {
                case SNILS -> person.snils() == null ? null : Probe.of(role, formatSnils(person.snils()));
                case PHONE -> person.verifiedPhone() == null ? null
                        : Probe.of(role, "+7(" + person.verifiedPhone().substring(1, 4) + ")" + person.verifiedPhone().substring(4));
                case EMAIL -> person.verifiedEmail() == null ? null : Probe.of(role, person.verifiedEmail());
                case NAME_BIRTH_DATE -> new Probe(role, null, person.lastName(), person.firstName(), null, person.birthDate());
                case NAME_BIRTH_DATE_MIDDLE -> person.middleName() == null ? null
                        : new Probe(role, null, person.lastName(), person.firstName(), person.middleName(), person.birthDate());
                case LINKED -> Probe.of(role, person.oid());
                case BY_ID -> Probe.of(role, person.cards().get(role).get(random.nextInt(person.cards().get(role).size())));
            };
            if (probe != null) {
                probes.add(probe);
            }
        }
        return probes;
    }

    List<Probe> misses(Rule rule, int count) {
        List<Probe> probes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            EsiaPerson person = persons.get(random.nextInt(persons.size()));
            RegistryRole role = roleOf(person);
            probes.add(switch (rule) {
                // above every number the generator hands out
                case SNILS -> Probe.of(role, formatSnils(withCheck(900_000_000L + random.nextInt(90_000_000))));
                // 7800… is a toll-free prefix: no one's mobile
                case PHONE -> Probe.of(role, "+7 800 " + String.format("%07d", random.nextInt(10_000_000)));
                case EMAIL -> Probe.of(role, "net-takogo-" + random.nextInt(1_000_000_000) + "@example.ru");
                // a real, often common name with a birth date sixty years off
                case NAME_BIRTH_DATE -> new Probe(role, null, person.lastName(), person.firstName(), null,
                        person.birthDate().minusYears(60));
                case NAME_BIRTH_DATE_MIDDLE -> new Probe(role, null, person.lastName(), person.firstName(),
                        person.middleName() == null ? "Иванович" : person.middleName(), person.birthDate().minusYears(60));
                case LINKED -> Probe.of(role, "oid-unknown-" + random.nextInt(1_000_000_000));
                case BY_ID -> Probe.of(role, "acc-unknown-" + random.nextInt(1_000_000_000));
            });
        }
        return probes;
    }

    private RegistryRole roleOf(EsiaPerson person) {
        List<RegistryRole> roles = new ArrayList<>(person.cards().keySet());
        roles.sort(null);
        return roles.get(random.nextInt(roles.size()));
    }

    static String formatSnils(String snils) {
        return snils.substring(0, 3) + "-" + snils.substring(3, 6) + "-" + snils.substring(6, 9) + " " + snils.substring(9);
    }

    /** The 11-digit SNILS with its check number. */
    static String withCheck(long nineDigits) {
        String digits = String.format("%09d", nineDigits);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int check = sum < 100 ? sum : sum == 100 || sum == 101 ? 0 : sum % 101 == 100 ? 0 : sum % 101;
        return digits + String.format("%02d", check);
    }
}
