package ru.esiaedu.benchmarks.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.school.Kinship;

/**
 * A part of a region made by {@link RegionGenerator}, for benchmarks outside this package that need the registry's
 * rows rather than the matcher's truth: the organisations, the cards, which parent card is a parent of which student
 * card, and the ESIA persons with what ESIA would send about them. A large region is generated district by district
 * so that it never has to be held in memory whole.
 */
public record GeneratedDistrict(List<Organisation> organisations, List<RegistryAccount> cards,
                                List<ParentLink> parentLinks, List<EsiaPerson> esiaPersons) {

    /** A parent card of a student card in the same organisation. */
    public record ParentLink(String parentCardId, String studentCardId, Kinship kinship) {}

    /**
     * A person with an ESIA account: what the login would look the registry up by (verified values only), and the
     * ids of the person's own cards per role.
     */
    public record EsiaPerson(String oid, String lastName, String firstName, String middleName, LocalDate birthDate,
                             String snils, String verifiedPhone, String verifiedEmail,
                             Map<RegistryRole, List<String>> cards) {}

    /**
     * A district whose registry holds cards of about {@code peopleWithCards} people, on the matching benchmark's day;
     * its SNILS numbers start at {@code firstSnils} (9 digits before the check number).
     */
    public static GeneratedDistrict generate(long seed, int peopleWithCards, long firstSnils) {
        Region region = new RegionGenerator(seed, MatchingAccuracyBenchmark.LOGIN_DAY).snilsFrom(firstSnils).generate(peopleWithCards);
        Set<Organisation> organisations = new LinkedHashSet<>();
        region.cards().forEach(card -> organisations.add(card.organisation()));
        Map<String, RegistryAccount> byId = new HashMap<>();
        region.cards().forEach(card -> byId.put(card.id(), card));
        Set<ParentLink> links = new LinkedHashSet<>();
        List<EsiaPerson> persons = new ArrayList<>();
        Set<Person.Family> families = new LinkedHashSet<>();
        for (Person person : region.people()) {
            if (person.family != null) {
                families.add(person.family);
            }
            if (person.esiaAccount != null && !person.cards.isEmpty()) {
                persons.add(new EsiaPerson(person.oid(), person.lastName, person.firstName, person.middleName,
                        person.birthDate, person.snils, person.esiaPhone, person.esiaEmail, Map.copyOf(person.cards)));
            }
        }
        for (Person.Family family : families) {
            for (Person parent : family.parents()) {
                Kinship kinship = parent == family.mother ? Kinship.MOTHER : Kinship.FATHER;
                for (String parentCard : parent.cardsIn(RegistryRole.PARENT)) {
                    String organisation = byId.get(parentCard).organisation().id();
                    for (Person child : family.children) {
                        for (String studentCard : child.cardsIn(RegistryRole.STUDENT)) {
                            if (byId.get(studentCard).organisation().id().equals(organisation)) {
                                links.add(new ParentLink(parentCard, studentCard, kinship));
                            }
                        }
                    }
                }
            }
        }
        return new GeneratedDistrict(List.copyOf(organisations), region.cards(), List.copyOf(links), List.copyOf(persons));
    }
}
