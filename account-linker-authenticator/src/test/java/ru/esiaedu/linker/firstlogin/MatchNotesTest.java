package ru.esiaedu.linker.firstlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.esiaedu.linker.match.MatchResult;
import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;

class MatchNotesTest {

    static RegistryAccount account(String id) {
        return new RegistryAccount(id, RegistryRole.PARENT, null, null, null, null, null, null, null, List.of(), List.of(), List.of(), null);
    }

    @Test
    void idsAndRulesAreCommaSeparatedWithoutDuplicates() {
        MatchNotes notes = MatchNotes.of(List.of(
                new MatchResult(LinkRule.SNILS, List.of(account("a"), account("b"))),
                MatchResult.none(),
                new MatchResult(LinkRule.SNILS, List.of(account("c"))),
                new MatchResult(LinkRule.EMAIL, List.of(account("a")))));
        assertThat(notes.accounts()).isEqualTo("a,b,c");
        assertThat(notes.rules()).isEqualTo("SNILS,EMAIL");
        assertThat(MatchNotes.of(List.of()).empty()).isTrue();
    }
}
