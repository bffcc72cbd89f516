package ru.esiaedu.linker.match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.linker.firstlogin.MatchNotes;
import ru.esiaedu.login.age.AgeRules;
import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/**
 * Runs the match rules for the person and records every match as a link in the registry. Used at the
 * first login and again at later logins when the chosen role has no linked profile yet (the school may
 * have entered the phone, e-mail or SNILS since).
 */
public final class MatchAndLink {

    private MatchAndLink() {
    }

    public static MatchNotes run(SchoolRegistryProvider registry, AgeRules ageRules, BrokeredEsiaPerson person,
                                 Optional<RegistryRole> role) throws RegistryUnavailableException {
        List<MatchResult> linked = new ArrayList<>();
        // «привязка … возможна только ответственным сотрудником образовательной организации»: a card the school
        // linked to this person is theirs, whatever data ESIA shares with it.
        List<RegistryAccount> linkedBefore = registry.findLinked(person.oid()).stream()
                .filter(account -> role.isEmpty() || account.role() == role.get()).toList();
        AccountMatcher matcher = new AccountMatcher(registry, ageRules);
        List<MatchResult> results = role.isPresent() ? List.of(matcher.match(person, role.get())) : matcher.matchAnyRole(person);
        for (MatchResult result : results) {
            if (result.ambiguous()) {
                linked.add(result);
            }
            if (!result.matched()) {
                continue;
            }
            List<RegistryAccount> kept = new ArrayList<>();
            for (RegistryAccount account : result.accounts()) {
                // Idempotent; false = another ESIA person holds the account (a race): not ours.
                if (registry.link(account.id(), person.oid(), result.rule())) {
                    kept.add(account);
                }
            }
            if (!kept.isEmpty()) {
                linked.add(new MatchResult(result.rule(), List.copyOf(kept)));
            }
        }
        // Linked before and found by no rule now: linked by the school (a card found by a rule keeps that rule's name).
        Set<String> found = new HashSet<>();
        linked.forEach(result -> result.accounts().forEach(account -> found.add(account.id())));
        List<RegistryAccount> linkedBySchool = linkedBefore.stream().filter(account -> !found.contains(account.id())).toList();
        if (!linkedBySchool.isEmpty()) {
            linked.add(new MatchResult(LinkRule.STAFF, linkedBySchool));
        }
        return MatchNotes.of(linked);
    }
}
