package ru.esiaedu.linker.firstlogin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ru.esiaedu.linker.match.MatchResult;
import ru.esiaedu.registry.RegistryAccount;

/**
 * The values of {@code esia.linker.accounts} and {@code esia.linker.rule} for a set of match results;
 * {@code ambiguousContact} when nothing was taken because a phone or e-mail leads to several people.
 */
public record MatchNotes(String accounts, String rules, boolean ambiguousContact) {

    public static MatchNotes of(List<MatchResult> results) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> rules = new LinkedHashSet<>();
        boolean ambiguous = false;
        for (MatchResult result : results) {
            ambiguous |= result.ambiguous();
            if (!result.matched()) {
                continue;
            }
            rules.add(result.rule().name());
            for (RegistryAccount account : result.accounts()) {
                ids.add(account.id());
            }
        }
        return new MatchNotes(String.join(",", ids), String.join(",", rules), ambiguous && ids.isEmpty());
    }

    public boolean empty() {
        return accounts.isEmpty();
    }
}
