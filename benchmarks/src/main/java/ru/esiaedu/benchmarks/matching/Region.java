package ru.esiaedu.benchmarks.matching;

import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.esiaedu.registry.RegistryAccount;

/**
 * A generated region: its people (the truth), the registry's cards with their true owners and the scenarios applied
 * to each card, and the first logins in the order they happen.
 */
record Region(List<Person> people, List<RegistryAccount> cards, Map<String, Person> owners,
              Map<String, Set<Scenario>> cardScenarios, List<Login> logins) {

    long peopleWithCards() {
        return people.stream().filter(person -> !person.cards.isEmpty()).count();
    }
}
