package ru.esiaedu.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ru.esiaedu.registry.RegistryRole;

class RolesTest {

    @Test
    void clientParameterValuesAreRead() {
        assertThat(Roles.parse("parent")).contains(RegistryRole.PARENT);
        assertThat(Roles.parse("student")).contains(RegistryRole.STUDENT);
        assertThat(Roles.parse(" STAFF ")).contains(RegistryRole.STAFF);
    }

    @Test
    void anythingElseIsNoRole() {
        assertThat(Roles.parse(null)).isEmpty();
        assertThat(Roles.parse("")).isEmpty();
        assertThat(Roles.parse("admin")).isEmpty();
        assertThat(Roles.parse("parent,staff")).isEmpty();
    }

    @Test
    void formValueIsLowerCase() {
        assertThat(Roles.param(RegistryRole.STAFF)).isEqualTo("staff");
    }

    @Test
    void offeredRolesKeepPageOrderAndDefaultToAll() {
        assertThat(Roles.offered(null)).containsExactly(RegistryRole.PARENT, RegistryRole.STUDENT, RegistryRole.STAFF);
        assertThat(Roles.offered("STAFF##PARENT")).containsExactly(RegistryRole.PARENT, RegistryRole.STAFF);
        assertThat(Roles.offered("student")).containsExactly(RegistryRole.STUDENT);
        assertThat(Roles.offered("nonsense")).hasSize(3);
    }
}
