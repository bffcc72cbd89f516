package ru.esiaedu.consent.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.esiaedu.registry.RegistryRole;

class SsoRecheckPolicyTest {

    private final SsoRecheckPolicy studentsOnly = new SsoRecheckPolicy(Set.of(RegistryRole.STUDENT));

    @Test
    void aStudentsSessionIsNotReusedAndTheLoginKeepsTheRole() {
        assertThat(studentsOnly.recheckAs("STUDENT")).contains("student");
    }

    @Test
    void parentsStaffAndSessionsWithoutAnEsiaRoleAreReused() {
        assertThat(studentsOnly.recheckAs("PARENT")).isEmpty();
        assertThat(studentsOnly.recheckAs("STAFF")).isEmpty();
        assertThat(studentsOnly.recheckAs(null)).isEmpty();
        assertThat(studentsOnly.recheckAs("")).isEmpty();
        assertThat(studentsOnly.recheckAs("ADMIN")).isEmpty();
    }

    @Test
    void theRolesFollowTheSetting() {
        SsoRecheckPolicy everyone = new SsoRecheckPolicy(Set.of(RegistryRole.values()));
        assertThat(everyone.recheckAs("STAFF")).contains("staff");
        assertThat(everyone.recheckAs("PARENT")).contains("parent");
    }
}
