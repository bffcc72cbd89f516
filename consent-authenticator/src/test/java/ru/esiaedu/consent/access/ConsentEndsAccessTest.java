package ru.esiaedu.consent.access;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.esiaedu.consent.registry.FakeConsentRegistry.account;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.esiaedu.consent.registry.FakeConsentRegistry;
import ru.esiaedu.registry.RegistryRole;

class ConsentEndsAccessTest {

    static final String CLIENT = "school-portal";

    final FakeConsentRegistry registry = new FakeConsentRegistry()
            .add(account("acc-teen", RegistryRole.STUDENT, "9Б", "Джалилов", "Резида", List.of(), "oid-teen"))
            .add(account("acc-new", RegistryRole.STUDENT, "1А", "Иванов", "Пётр", List.of(), null));
    final List<String> asked = new ArrayList<>();
    final StudentSessions sessions = (oid, client) -> {
        asked.add(oid + "/" + client);
        return new EndedSessions(2, 1);
    };

    @Test
    void theStudentsEsiaPersonLosesTheSessionsOfThatClient() {
        EndedSessions ended = new ConsentEndsAccess(registry, sessions).end(new StudentAccess("acc-teen", CLIENT));

        assertThat(ended).isEqualTo(new EndedSessions(2, 1));
        assertThat(asked).containsExactly("oid-teen/" + CLIENT);
    }

    @Test
    void aStudentAccountNobodySignedInToHasNothingToEnd() {
        assertThat(new ConsentEndsAccess(registry, sessions).end(new StudentAccess("acc-new", CLIENT))).isEqualTo(EndedSessions.NONE);
        assertThat(new ConsentEndsAccess(registry, sessions).end(new StudentAccess("acc-unknown", CLIENT))).isEqualTo(EndedSessions.NONE);
        assertThat(asked).isEmpty();
    }

    @Test
    void aRegistryOutageOrAFailureEndingSessionsDoesNotUndoTheRevocation() {
        registry.down = true;
        assertThat(new ConsentEndsAccess(registry, sessions).end(new StudentAccess("acc-teen", CLIENT))).isEqualTo(EndedSessions.NONE);
        assertThat(asked).isEmpty();

        registry.down = false;
        StudentSessions broken = (oid, client) -> {
            throw new IllegalStateException("cluster unreachable");
        };
        assertThat(new ConsentEndsAccess(registry, broken).end(new StudentAccess("acc-teen", CLIENT))).isEqualTo(EndedSessions.NONE);
    }
}
