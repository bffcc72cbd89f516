package ru.esiaedu.benchmarks.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.registry.RegistryRole;

/** One real person of the generated region: the truth both the registry cards and the ESIA account come from. */
final class Person {

    final int id;
    final boolean male;
    String lastName;
    String firstName;
    String middleName;
    LocalDate birthDate;
    String snils;
    String passportSeries;
    String passportNumber;
    String birthCertificateSeries;
    String birthCertificateNumber;
    /** Current own phone (7XXXXXXXXXX) or null. */
    String phone;
    /** A number the person gave up; the schools may still have it. */
    String oldPhone;
    String email;
    /** The ESIA account; null when the person has none (never logs in). */
    AccountType esiaAccount;
    /** The phone ESIA has verified (usually {@link #phone}); null when none. */
    String esiaPhone;
    String esiaEmail;
    Family family;
    final Set<Scenario> scenarios = EnumSet.noneOf(Scenario.class);
    /** This person's cards, per role (the truth the matcher is measured against). */
    final Map<RegistryRole, List<String>> cards = new EnumMap<>(RegistryRole.class);

    Person(int id, boolean male) {
        this.id = id;
        this.male = male;
    }

    String oid() {
        return "oid-" + id;
    }

    List<String> cardsIn(RegistryRole role) {
        return cards.getOrDefault(role, List.of());
    }

    void addCard(RegistryRole role, String accountId) {
        cards.computeIfAbsent(role, r -> new ArrayList<>()).add(accountId);
    }

    /** A family: up to two parents and the children; the shared e-mail and the school, if any. */
    static final class Family {
        Person mother;
        Person father;
        final List<Person> children = new ArrayList<>();
        String sharedEmail;

        List<Person> parents() {
            List<Person> parents = new ArrayList<>(2);
            if (mother != null) {
                parents.add(mother);
            }
            if (father != null) {
                parents.add(father);
            }
            return parents;
        }
    }
}
