package ru.esiaedu.linker.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.esiaedu.linker.match.FakeRegistry;
import ru.esiaedu.linker.support.LinkerPages;
import ru.esiaedu.linker.testing.StepFakes;
import ru.esiaedu.login.LoginNotes;
import ru.esiaedu.login.ProfileNotes;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;

/** The profile picker and «Это не я» against fakes of Keycloak and an in-memory registry. */
class ProfileSelectAuthenticatorTest {

    private static final Organisation SCHOOL = new Organisation("org-1", "SCHOOL", "МБОУ СОШ № 1", "Челябинск");
    private static final String OID = "1000001";

    private final StepFakes fakes = new StepFakes();
    private final FakeRegistry registry = new FakeRegistry();
    private final ProfileSelectAuthenticator step = new ProfileSelectAuthenticator(
            Clock.fixed(Instant.parse("2026-03-15T09:00:00Z"), ZoneOffset.UTC));

    ProfileSelectAuthenticatorTest() {
        fakes.registry = registry;
        fakes.federatedOid = OID;
        fakes.authNotes.put(LoginNotes.ROLE, "PARENT");
        registry.add(card("p1", OID)).add(card("p2", OID)).add(card("p-other", "2000002"));
    }

    private static RegistryAccount card(String id, String oid) {
        return new RegistryAccount(id, RegistryRole.PARENT, SCHOOL, "5А", "ИВАНОВА", "МАРИЯ", null,
                LocalDate.of(1985, 4, 2), null, List.of(), List.of(), List.of(), oid);
    }

    @Test
    void severalProfilesAreOfferedOnThePicker() {
        step.authenticate(fakes.context);
        assertThat(fakes.lastPage().template()).isEqualTo(LinkerPages.PROFILE_SELECT);
        assertThat(fakes.lastPage().attributes().get("esiaProfiles")).asList().hasSize(2);
    }

    @Test
    void theProfilesAreStoredOnTheUserAndALaterLoginWithTheSameProfilesDoesNotRewriteThem() {
        step.authenticate(fakes.context);
        assertThat(fakes.userAttributes.get(ProfileNotes.USER_ATTRIBUTE)).hasSize(2);
        assertThat(fakes.userAttributeWrites).containsExactly("set " + ProfileNotes.USER_ATTRIBUTE);

        // Every write drops the cached user on every node and rewrites its rows; nothing changed, so nothing is written.
        fakes.userAttributeWrites.clear();
        step.authenticate(fakes.context);
        assertThat(fakes.userAttributeWrites).isEmpty();

        registry.add(card("p3", OID));
        step.authenticate(fakes.context);
        assertThat(fakes.userAttributeWrites).containsExactly("set " + ProfileNotes.USER_ATTRIBUTE);
        assertThat(fakes.userAttributes.get(ProfileNotes.USER_ATTRIBUTE)).hasSize(3);
    }

    @Test
    void notMeForAnAccountLinkedToThePersonUnlinksItAndSendsARequest() {
        fakes.form.putSingle(ProfileSelectAuthenticator.FORM_NOT_ME, "p2");
        step.action(fakes.context);
        assertThat(registry.unlinks).containsExactly("p2:person");
        assertThat(registry.requests).hasSize(1);
        assertThat(registry.requests.get(0).esiaOid()).isEqualTo(OID);
        assertThat(registry.requests.get(0).organisationId()).isEqualTo("org-1");
        assertThat(registry.requests.get(0).requesterFullName()).isEqualTo("Иванова Мария");
        assertThat(fakes.eventErrors()).containsExactly(ProfileSelectAuthenticator.EVENT_ERROR_NOT_ME);
        // the login goes on with what is left: one profile, chosen without a page
        assertThat(fakes.outcomes).containsExactly("success");
        assertThat(fakes.userSessionNotes).containsEntry(ProfileNotes.REGISTRY_ID, "p1");
    }

    @Test
    void notMeForAnAccountOfAnotherPersonIsIgnored() {
        fakes.form.putSingle(ProfileSelectAuthenticator.FORM_NOT_ME, "p-other");
        step.action(fakes.context);
        assertThat(registry.queries).doesNotContain("UNLINK", "REQUEST");   // not even asked
        assertThat(registry.unlinks).isEmpty();
        assertThat(registry.requests).isEmpty();
        assertThat(fakes.eventErrors()).isEmpty();
        assertThat(registry.accounts).filteredOn(a -> a.id().equals("p-other"))
                .extracting(RegistryAccount::esiaOid).containsExactly("2000002");
        assertThat(fakes.lastPage().template()).isEqualTo(LinkerPages.PROFILE_SELECT);
        assertThat(fakes.lastPage().info()).isNull();
    }

    @Test
    void aPickedProfileOfAnotherPersonIsNotChosen() {
        fakes.form.putSingle(ProfileSelectAuthenticator.FORM_PROFILE, "p-other");
        step.action(fakes.context);
        assertThat(fakes.outcomes).containsExactly("challenge");
        assertThat(fakes.userSessionNotes).doesNotContainKey(ProfileNotes.REGISTRY_ID);
    }

    @Test
    void aUserWithoutAnEsiaIdentityGetsAnErrorPage() {
        fakes.federatedOid = null;
        step.authenticate(fakes.context);
        assertThat(fakes.lastPage().template()).isEqualTo("error-page");
        assertThat(fakes.lastPage().error()).isEqualTo("esiaLinkerNoPerson");
        assertThat(registry.queries).isEmpty();
    }

    @Test
    void registryDownShowsItsPageAndChoosesNothing() {
        registry.down = true;
        step.authenticate(fakes.context);
        assertThat(fakes.lastPage().template()).isEqualTo(LinkerPages.REGISTRY_UNAVAILABLE);
        assertThat(fakes.userSessionNotes).isEmpty();
        assertThat(fakes.outcomes).containsExactly("challenge");
    }

    @Test
    void notMeWhileTheRegistryIsDownUnlinksNothing() {
        registry.down = true;
        fakes.form.putSingle(ProfileSelectAuthenticator.FORM_NOT_ME, "p2");
        step.action(fakes.context);
        assertThat(registry.unlinks).isEmpty();
        assertThat(fakes.lastPage().template()).isEqualTo(LinkerPages.REGISTRY_UNAVAILABLE);
    }
}
