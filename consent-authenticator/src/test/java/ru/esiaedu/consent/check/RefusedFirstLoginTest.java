package ru.esiaedu.consent.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ru.esiaedu.consent.check.ConsentOutcome.Notice;
import ru.esiaedu.consent.check.ConsentOutcome.Request;
import ru.esiaedu.consent.source.Grantor;
import ru.esiaedu.login.age.AgeGroup;
import ru.esiaedu.registry.RegistryRole;

class RefusedFirstLoginTest {

    @Test
    void aMinorRefusedAtTheFirstLoginLeavesNothing() {
        for (AgeGroup minor : new AgeGroup[] {AgeGroup.UNDER_14, AgeGroup.FROM_14_TO_17}) {
            assertThat(RefusedFirstLogin.forgets(ConsentOutcome.required(minor, Request.CREATED, false, Notice.NONE),
                    RegistryRole.STUDENT, true)).as("%s without consent", minor).isTrue();
            assertThat(RefusedFirstLogin.forgets(ConsentOutcome.unavailable(minor, "timeout"), RegistryRole.STUDENT, true))
                    .as("%s while the source is down", minor).isTrue();
            assertThat(RefusedFirstLogin.forgets(ConsentOutcome.birthDateMismatch(minor), RegistryRole.STUDENT, true))
                    .isTrue();
        }
    }

    @Test
    void aReturningStudentIsNeverRemoved() {
        assertThat(RefusedFirstLogin.forgets(ConsentOutcome.required(AgeGroup.UNDER_14, Request.NONE, false, Notice.NONE),
                RegistryRole.STUDENT, false)).isFalse();
    }

    @Test
    void anAdultStudentIsNeverRemovedTheyMayConsentOnThePage() {
        assertThat(RefusedFirstLogin.forgets(ConsentOutcome.required(AgeGroup.ADULT, Request.CREATED, true, Notice.NONE),
                RegistryRole.STUDENT, true)).isFalse();
    }

    @Test
    void parentsStaffAndUnknownRolesAreNeverRemoved() {
        ConsentOutcome required = ConsentOutcome.required(AgeGroup.UNDER_14, Request.CREATED, false, Notice.NONE);
        assertThat(RefusedFirstLogin.forgets(required, RegistryRole.PARENT, true)).isFalse();
        assertThat(RefusedFirstLogin.forgets(required, RegistryRole.STAFF, true)).isFalse();
        assertThat(RefusedFirstLogin.forgets(required, null, true)).isFalse();
    }

    @Test
    void aStudentWhoPassesOrWhoseLoginIsBrokenByConfigurationIsKept() {
        assertThat(RefusedFirstLogin.forgets(ConsentOutcome.granted(AgeGroup.UNDER_14, Grantor.PARENT),
                RegistryRole.STUDENT, true)).isFalse();
        assertThat(RefusedFirstLogin.forgets(ConsentOutcome.notRequired(false), RegistryRole.STUDENT, true)).isFalse();
        assertThat(RefusedFirstLogin.forgets(ConsentOutcome.misconfigured("no source"), RegistryRole.STUDENT, true))
                .isFalse();
        assertThat(RefusedFirstLogin.forgets(ConsentOutcome.noPerson(), RegistryRole.STUDENT, true)).isFalse();
        assertThat(RefusedFirstLogin.forgets(null, RegistryRole.STUDENT, true)).isFalse();
    }
}
