package ru.esiaedu.linker.match;

import java.util.List;

import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.RegistryAccount;

/** Accounts of one role found by one rule; {@code rule} is null when nothing matched. */
public record MatchResult(LinkRule rule, List<RegistryAccount> accounts) {

    public static MatchResult none() {
        return new MatchResult(null, List.of());
    }

    public boolean matched() {
        return rule != null && !accounts.isEmpty();
    }
}
