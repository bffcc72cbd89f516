package ru.esiaedu.throughput.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import ru.esiaedu.benchmarks.matching.GeneratedDistrict;
import ru.esiaedu.benchmarks.matching.InMemoryRegistry;
import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.linker.firstlogin.MatchNotes;
import ru.esiaedu.linker.match.MatchAndLink;
import ru.esiaedu.login.age.AgeRules;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.normalize.Snils;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The first login's match ({@link MatchAndLink}: the rules of {@code AccountMatcher} and the links), against a
 * district of the matching benchmark's generated region held in memory ({@link InMemoryRegistry}): a few thousand
 * cards of families, staff and namesakes, so that only our Java work is timed (the registry's SQL is measured by
 * benchmarks/run-registry-lookups.sh). Two people: one whose parent card the school typed with the SNILS (the first
 * rule finds it), and a namesake of a card holder whom no rule finds — SNILS, phone and e-mail find nothing, the name
 * and birth date find the namesake's card and the passport rejects it — with the role chosen and without one (then
 * every role is tried).
 */
@State(Scope.Benchmark)
public class FirstLoginMatchWork {
    static final long SEED = 20261202L;
    /** About this many people hold cards; a district of the region (each has one card or more). */
    static final int PEOPLE_WITH_CARDS = 3_000;
    /** The matching benchmark's day; the generated ages are counted on it. */
    private static final LocalDate LOGIN_DAY = LocalDate.of(2026, 9, 1);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    InMemoryRegistry registry;
    int cards;
    AgeRules ageRules;
    BrokeredEsiaPerson bySnils;
    String bySnilsCard;
    BrokeredEsiaPerson nobody;

    @Setup
    public void setUp() throws RegistryUnavailableException {
        GeneratedDistrict district = GeneratedDistrict.generate(SEED, PEOPLE_WITH_CARDS, 100_000_000L);
        List<RegistryAccount> all = district.cards();
        cards = all.size();
        registry = new InMemoryRegistry(all);
        ageRules = new AgeRules(Clock.fixed(LOGIN_DAY.atTime(LocalTime.NOON).atZone(MOSCOW).toInstant(), MOSCOW));
        for (GeneratedDistrict.EsiaPerson person : district.esiaPersons()) {
            List<String> parentCards = person.cards().getOrDefault(RegistryRole.PARENT, List.of());
            if (person.snils() == null || parentCards.size() != 1) {
                continue;
            }
            List<RegistryAccount> found = registry.findBySnils(RegistryRole.PARENT, person.snils());
            if (found.size() == 1 && found.get(0).id().equals(parentCards.get(0)) && found.get(0).esiaOid() == null) {
                bySnils = new BrokeredEsiaPerson(person.oid(), person.lastName(), person.firstName(), person.middleName(),
                        person.birthDate(), formatted(person.snils()), true, AccountType.CONFIRMED,
                        person.verifiedEmail(), person.verifiedPhone(), null, null);
                bySnilsCard = parentCards.get(0);
                break;
            }
        }
        if (bySnils == null) {
            throw new IllegalStateException("the generated district has no parent whose card carries their SNILS");
        }
        RegistryAccount namesake = all.stream()
                .filter(card -> card.role() == RegistryRole.PARENT && card.birthDate() != null && card.esiaOid() == null
                        && card.middleName() != null)
                .findFirst().orElseThrow();
        nobody = new BrokeredEsiaPerson("nobody-oid", namesake.lastName(), namesake.firstName(), namesake.middleName(),
                namesake.birthDate(), formatted(unusedSnils()), true, AccountType.CONFIRMED,
                "never.typed.anywhere@example.ru", "+7(912)000-00-17", new BrokeredEsiaPerson.Document("9999", "999999"),
                null);
        requireNobodyFindsNothingButTheNamesake();
    }

    /** Found by the first rule; the link is undone after the call, so that every call is a first login. */
    @Benchmark
    public MatchNotes matchFoundBySnils() throws RegistryUnavailableException {
        MatchNotes notes = MatchAndLink.run(registry, ageRules, bySnils, Optional.of(RegistryRole.PARENT));
        registry.unlink(bySnilsCard, bySnils.oid(), "benchmark", "next first login");
        return notes;
    }

    /** Every rule tried for the chosen role, the name rule with a candidate it must reject. */
    @Benchmark
    public MatchNotes matchFoundByNobody() throws RegistryUnavailableException {
        return MatchAndLink.run(registry, ageRules, nobody, Optional.of(RegistryRole.PARENT));
    }

    /** No role chosen: every rule for every role. */
    @Benchmark
    public MatchNotes matchFoundByNobodyAnyRole() throws RegistryUnavailableException {
        return MatchAndLink.run(registry, ageRules, nobody, Optional.empty());
    }

    private void requireNobodyFindsNothingButTheNamesake() throws RegistryUnavailableException {
        for (RegistryRole role : RegistryRole.values()) {
            if (!registry.findBySnils(role, nobody.snils()).isEmpty()
                    || !registry.findByPhone(role, nobody.verifiedMobile()).isEmpty()
                    || !registry.findByEmail(role, nobody.verifiedEmail()).isEmpty()) {
                throw new IllegalStateException("the unknown person's SNILS, phone or e-mail is in the generated registry");
            }
        }
        if (registry.findByNameAndBirthDate(RegistryRole.PARENT, nobody.lastName(), nobody.firstName(),
                nobody.middleName(), nobody.birthDate()).isEmpty()) {
            throw new IllegalStateException("the unknown person has no namesake card");
        }
    }

    /** A valid SNILS (right check number) far above the district's numbers. */
    private static String unusedSnils() {
        for (int check = 0; check < 100; check++) {
            String candidate = String.format("%09d%02d", 987_654_321, check);
            if (Snils.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no check number fits");
    }

    /** {@code XXX-XXX-XXX YY}, as ESIA sends it. */
    private static String formatted(String snils) {
        String digits = snils.replaceAll("\\D", "");
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " " + digits.substring(9);
    }
}
