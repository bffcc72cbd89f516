package ru.esiaedu.linker.profile;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import ru.esiaedu.login.Roles;
import ru.esiaedu.login.SchoolProfile;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;

/** Which profiles a login may pick from: the linked accounts, narrowed to the chosen role, in page order. */
public final class ProfileSelection {

    private static final Comparator<SchoolProfile> PAGE_ORDER = Comparator
            .comparing((SchoolProfile p) -> roleOrder(p.role()))
            .thenComparing(p -> Objects.toString(p.organisationName(), ""))
            .thenComparing(p -> Objects.toString(p.className(), ""))
            .thenComparing(p -> Objects.toString(p.registryId(), ""));

    private ProfileSelection() {
    }

    /** Every linked account as a profile, in page order (for the user attribute and {@code school_profiles}). */
    public static List<SchoolProfile> all(List<RegistryAccount> linked) {
        return linked.stream().map(SchoolProfile::of).sorted(PAGE_ORDER).toList();
    }

    /** The profiles this login may choose from. */
    public static List<SchoolProfile> forRole(List<SchoolProfile> all, Optional<RegistryRole> role) {
        return all.stream().filter(p -> role.isEmpty() || role.get().name().equals(p.role())).toList();
    }

    /** The profile the person picked, if it is one of the offered. */
    public static Optional<SchoolProfile> pick(List<SchoolProfile> offered, String registryId) {
        return offered.stream().filter(p -> p.registryId().equals(registryId)).findFirst();
    }

    private static int roleOrder(String role) {
        if (RegistryRole.PARENT.name().equals(role)) {
            return 0;
        }
        if (RegistryRole.STUDENT.name().equals(role)) {
            return 1;
        }
        return RegistryRole.STAFF.name().equals(role) ? 2 : 3;
    }
}
