package ru.esiaedu.desk.access;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.esiaedu.registry.school.StaffAssignment;
import ru.esiaedu.registry.school.StaffPosition;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionsTest {

    private static StaffAssignment teacherOf(String organisation, String classId) {
        return new StaffAssignment("acc-t", organisation, StaffPosition.CLASS_TEACHER, classId);
    }

    @Test
    void aClassTeacherSeesOnlyTheirClasses() {
        Permissions can = Permissions.ofStaff("sch-1", List.of(teacherOf("sch-1", "5a"), teacherOf("sch-1", "9b")), false);

        assertThat(can.seesClass("5a")).isTrue();
        assertThat(can.seesClass("9b")).isTrue();
        assertThat(can.seesClass("11a")).isFalse();
        assertThat(can.seesStudentOf("5a")).isTrue();
        assertThat(can.seesStudentOf(null)).as("a student without a class").isFalse();
        assertThat(can.seesParentOfChildrenIn(List.of("11a", "9b"))).isTrue();
        assertThat(can.seesParentOfChildrenIn(List.of("11a"))).isFalse();
        assertThat(can.wholeOrganisation()).isFalse();
    }

    @Test
    void aClassTeacherHasNoInboxNoImportAndNoStaffCards() {
        Permissions can = Permissions.ofStaff("sch-1", List.of(teacherOf("sch-1", "5a")), false);

        assertThat(can.usesInbox()).isFalse();
        assertThat(can.imports()).isFalse();
        assertThat(can.seesStaffCards()).isFalse();
        assertThat(can.handlesRegionRequests()).isFalse();
    }

    @Test
    void aDeputyHeadAndAnAdministratorSeeTheWholeOrganisation() {
        for (StaffPosition position : List.of(StaffPosition.DEPUTY_HEAD, StaffPosition.ADMINISTRATOR)) {
            Permissions can = Permissions.ofStaff("sch-1", List.of(new StaffAssignment("acc", "sch-1", position, null)), false);
            assertThat(can.seesClass("any-class")).as("%s", position).isTrue();
            assertThat(can.seesStudentOf(null)).isTrue();
            assertThat(can.seesParentOfChildrenIn(List.of())).isTrue();
            assertThat(can.usesInbox()).isTrue();
            assertThat(can.imports()).isTrue();
            assertThat(can.organisation()).contains("sch-1");
        }
    }

    @Test
    void positionsInAnotherOrganisationGiveNothingInThisOne() {
        Permissions can = Permissions.ofStaff("sch-1",
                List.of(new StaffAssignment("acc", "gym-5", StaffPosition.ADMINISTRATOR, null), teacherOf("gym-5", "5a")), false);

        assertThat(can.mayEnter()).isFalse();
        assertThat(can.organisation()).isEmpty();
        assertThat(can.seesClass("5a")).isFalse();
        assertThat(can.usesInbox()).isFalse();
    }

    @Test
    void aStaffAccountWithoutPositionMayNotEnter() {
        Permissions can = Permissions.ofStaff("sch-1", List.of(), false);

        assertThat(can.mayEnter()).isFalse();
        assertThat(can.seesClass("5a")).isFalse();
        assertThat(can.seesParentOfChildrenIn(List.of("5a"))).isFalse();
    }

    @Test
    void aRegionOperatorWithoutPositionHandlesOnlyTheRegionsRequests() {
        Permissions can = Permissions.ofStaff(null, List.of(), true);

        assertThat(can.mayEnter()).isTrue();
        assertThat(can.handlesRegionRequests()).isTrue();
        assertThat(can.organisation()).isEmpty();
        assertThat(can.seesClass("5a")).isFalse();
        assertThat(can.usesInbox()).isFalse();
    }

    @Test
    void aSchoolSystemActsAsItsOrganisationsAdministrator() {
        Permissions can = Permissions.schoolSystem("sch-1");

        assertThat(can.wholeOrganisation()).isTrue();
        assertThat(can.imports()).isTrue();
        assertThat(can.handlesRegionRequests()).isFalse();
        assertThat(can.organisation()).contains("sch-1");
    }

    @Test
    void aClassTeacherAssignmentWithoutAClassGivesNoClass() {
        Permissions can = Permissions.ofStaff("sch-1", List.of(teacherOf("sch-1", null)), false);

        assertThat(can.mayEnter()).isFalse();
        assertThat(can.seesClass(null)).isFalse();
    }
}
