package ru.esiaedu.benchmarks.matching;

import java.util.Set;

import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.registry.RegistryRole;

/**
 * One first login: the person, the role chosen on the role page, what ESIA sent, and the scenarios of the person and
 * of their (first) card in that role.
 */
record Login(Person person, RegistryRole role, BrokeredEsiaPerson esia, Set<Scenario> scenarios) {

    /** Whether the person truly holds a card in the chosen role (otherwise the login must find nothing). */
    boolean hasCards() {
        return !person.cardsIn(role).isEmpty();
    }
}
