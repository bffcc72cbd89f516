package ru.esiaedu.linker.match;

import java.util.List;

import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.RegistryAccount;

/**
 * Accounts of one role found by one rule; {@code rule} is null when nothing matched. {@code ambiguous}: the rule's
 * contact leads to several different people, so nothing was taken.
 */
public record MatchResult(LinkRule rule, List<RegistryAccount> accounts, boolean ambiguous) {

    public MatchResult(LinkRule rule, List<RegistryAccount> accounts) {
        this(rule, accounts, false);
    }

    public static MatchResult none() {
        return new MatchResult(null, List.of());
    }

    public static MatchResult ambiguous(LinkRule rule) {
        return new MatchResult(rule, List.of(), true);
    }

    public boolean matched() {
        return rule != null && !accounts.isEmpty();
    }
}
