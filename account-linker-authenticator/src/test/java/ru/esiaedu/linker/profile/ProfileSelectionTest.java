package ru.esiaedu.linker.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ru.esiaedu.login.ProfileNotes;
import ru.esiaedu.login.SchoolProfile;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;

class ProfileSelectionTest {

    static RegistryAccount account(String id, RegistryRole role, String school, String className) {
        return new RegistryAccount(id, role, new Organisation("org-" + school, "SCHOOL", school, "Челябинск"), className,
                "A", "B", null, null, null, List.of(), List.of(), List.of(), "1000001");
    }

    final List<SchoolProfile> all = ProfileSelection.all(List.of(
            account("t1", RegistryRole.STAFF, "Лицей № 2", null),
            account("p2", RegistryRole.PARENT, "Школа № 9", "7Б"),
            account("p1", RegistryRole.PARENT, "Школа № 1", "5А")));

    @Test
    void profilesAreListedParentsStudentsStaffThenByOrganisation() {
        assertThat(all).extracting(SchoolProfile::registryId).containsExactly("p1", "p2", "t1");
    }

    @Test
    void chosenRoleNarrowsTheList() {
        assertThat(ProfileSelection.forRole(all, Optional.of(RegistryRole.STAFF)))
                .extracting(SchoolProfile::registryId).containsExactly("t1");
        assertThat(ProfileSelection.forRole(all, Optional.of(RegistryRole.STUDENT))).isEmpty();
        assertThat(ProfileSelection.forRole(all, Optional.empty())).hasSize(3);
    }

    @Test
    void onlyAnOfferedProfileCanBePicked() {
        List<SchoolProfile> parents = ProfileSelection.forRole(all, Optional.of(RegistryRole.PARENT));
        assertThat(ProfileSelection.pick(parents, "p2")).map(SchoolProfile::className).contains("7Б");
        assertThat(ProfileSelection.pick(parents, "t1")).isEmpty();
        assertThat(ProfileSelection.pick(parents, "forged")).isEmpty();
    }

    @Test
    void profileSurvivesTheUserAttributeRoundTrip() {
        SchoolProfile profile = all.get(0);
        assertThat(SchoolProfile.fromJson(profile.toJson())).isEqualTo(profile);
        assertThat(SchoolProfile.fromJson("{\"role\":\"PARENT\"}")).isNull();
        assertThat(SchoolProfile.fromJson("garbage")).isNull();
    }

    @Test
    void userSessionNotesRoundTripWithMissingClass() {
        SchoolProfile staff = all.get(2);
        var notes = ProfileNotes.toNotes(staff);
        assertThat(notes).containsEntry(ProfileNotes.CLASS, "").hasSize(5);
        assertThat(ProfileNotes.fromNotes(notes::get)).isEqualTo(staff);
        assertThat(ProfileNotes.fromNotes(key -> null)).isNull();
    }
}
