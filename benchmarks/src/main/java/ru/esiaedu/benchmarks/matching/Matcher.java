package ru.esiaedu.benchmarks.matching;

import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.linker.match.MatchResult;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;

/** A matching rule set under measurement: the linker's {@code AccountMatcher} or the old contact rule. */
@FunctionalInterface
interface Matcher {

    MatchResult match(BrokeredEsiaPerson person, RegistryRole role) throws RegistryUnavailableException;
}
