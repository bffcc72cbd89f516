package ru.esiaedu.linker.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.models.utils.FormMessage;

import ru.esiaedu.linker.testing.StepFakes;
import ru.esiaedu.login.LoginNotes;

/** The role page against fakes of Keycloak: a deep link is followed only to a role the realm offers. */
class RolePickerAuthenticatorTest {

    private final StepFakes fakes = new StepFakes();
    private final RolePickerAuthenticator step = new RolePickerAuthenticator();

    @Test
    void deepLinkToAnOfferedRoleSkipsThePageAndRemembersTheRole() {
        fakes.config.put(RolePickerAuthenticatorFactory.CONFIG_ROLES, "parent,student");
        fakes.clientNotes.put(LoginNotes.ROLE_REQUEST_PARAM, "student");
        step.authenticate(fakes.context);
        assertThat(fakes.outcomes).containsExactly("success");
        assertThat(fakes.pages).isEmpty();
        assertThat(fakes.authNotes).containsEntry(LoginNotes.ROLE, "STUDENT");
        assertThat(fakes.clientNotes).containsEntry(LoginNotes.ROLE, "STUDENT");
    }

    @Test
    void deepLinkToARoleTheRealmDoesNotOfferShowsThePageAndRemembersNothing() {
        fakes.config.put(RolePickerAuthenticatorFactory.CONFIG_ROLES, "parent,student");
        fakes.clientNotes.put(LoginNotes.ROLE_REQUEST_PARAM, "staff");
        step.authenticate(fakes.context);
        assertThat(fakes.outcomes).containsExactly("challenge");
        assertThat(fakes.lastPage().template()).isEqualTo(RolePickerAuthenticator.TEMPLATE);
        assertThat(fakes.lastPage().attributes()).containsEntry("esiaRoles", List.of("parent", "student"));
        assertThat(fakes.authNotes).doesNotContainKey(LoginNotes.ROLE);
        assertThat(fakes.clientNotes).doesNotContainKey(LoginNotes.ROLE);
    }

    @Test
    void deepLinkIsNotFollowedBackIntoAFailedEsiaLogin() {
        fakes.clientNotes.put(LoginNotes.ROLE_REQUEST_PARAM, "parent");
        fakes.forwardedError = new FormMessage("esiaLoginFailed");
        step.authenticate(fakes.context);
        assertThat(fakes.outcomes).containsExactly("challenge");
        assertThat(fakes.lastPage().template()).isEqualTo(RolePickerAuthenticator.TEMPLATE);
        assertThat(fakes.authNotes).doesNotContainKey(LoginNotes.ROLE);
    }

    @Test
    void aPostedRoleTheRealmDoesNotOfferIsRefusedWithTheRequiredMessage() {
        fakes.config.put(RolePickerAuthenticatorFactory.CONFIG_ROLES, "parent");
        fakes.form.putSingle(RolePickerAuthenticator.FORM_ROLE, "staff");
        step.action(fakes.context);
        assertThat(fakes.outcomes).containsExactly("challenge");
        assertThat(fakes.lastPage().error()).isEqualTo("esiaRoleSelectRequired");
        assertThat(fakes.authNotes).doesNotContainKey(LoginNotes.ROLE);
    }

    @Test
    void aPostedOfferedRoleIsRememberedAndTheForwardedErrorDropped() {
        fakes.authNotes.put(RolePickerAuthenticator.FORWARDED_ERROR_NOTE, "esiaLoginFailed");
        fakes.form.putSingle(RolePickerAuthenticator.FORM_ROLE, "parent");
        step.action(fakes.context);
        assertThat(fakes.outcomes).containsExactly("success");
        assertThat(fakes.authNotes).containsEntry(LoginNotes.ROLE, "PARENT")
                .doesNotContainKey(RolePickerAuthenticator.FORWARDED_ERROR_NOTE);
    }
}
