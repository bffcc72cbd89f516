package ru.esiaedu.linker.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.linker.LinkerNotes;
import ru.esiaedu.linker.match.FakeRegistry;
import ru.esiaedu.linker.testing.StepFakes;
import ru.esiaedu.login.LoginNotes;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;

/** «Привязать учётную запись» against fakes of Keycloak and an in-memory registry: who must not get an account. */
class LegacyLinkAuthenticatorTest {

    private static final Organisation SCHOOL = new Organisation("org-1", "SCHOOL", "МБОУ СОШ № 1", "Челябинск");
    private static final String OID = "1000001";

    private final StepFakes fakes = new StepFakes();
    private final FakeRegistry registry = new FakeRegistry();
    private final LegacyLinkAuthenticator step = new LegacyLinkAuthenticator(
            Clock.fixed(Instant.parse("2026-03-15T09:00:00Z"), ZoneOffset.UTC));

    LegacyLinkAuthenticatorTest() {
        fakes.registry = registry;
        registry.organisationList.add(SCHOOL);
        fakes.authNotes.put(LoginNotes.ROLE, "PARENT");
        registry.add(card("p-mine", null)).add(card("p-theirs", "2000002"));
        registry.legacyLogins.put("org-1/PARENT/mine", Map.entry("right", "p-mine"));
        registry.legacyLogins.put("org-1/PARENT/theirs", Map.entry("right", "p-theirs"));
    }

    private static RegistryAccount card(String id, String oid) {
        return new RegistryAccount(id, RegistryRole.PARENT, SCHOOL, null, "ИВАНОВА", "МАРИЯ", null,
                LocalDate.of(1985, 4, 2), null, List.of(), List.of(), List.of(), oid);
    }

    private StepFakes confirmedPerson() {
        return fakes.login(new BrokeredEsiaPerson(OID, "Иванова", "Мария", null, LocalDate.of(1985, 4, 2), null, true,
                AccountType.CONFIRMED, null, null, null, null));
    }

    private void submit(String login, String password) {
        fakes.form.putSingle(LegacyLinkAuthenticator.FIELD_ORGANISATION, "org-1");
        fakes.form.putSingle(LegacyLinkAuthenticator.FIELD_LOGIN, login);
        fakes.form.putSingle(LegacyLinkAuthenticator.FIELD_PASSWORD, password);
        step.action(fakes.context);
    }

    @Test
    void theRightPasswordOfAFreeAccountLinksIt() {
        confirmedPerson();
        submit("mine", "right");
        assertThat(fakes.outcomes).containsExactly("success");
        assertThat(registry.links).containsExactly("p-mine:LEGACY_LOGIN");
        assertThat(fakes.authNotes).containsEntry(LinkerNotes.ACCOUNTS, "p-mine");
    }

    @Test
    void aLoginWithoutAPersonGetsTheBrokenLoginPageAndNoPasswordCheck() {
        fakes.login(null);
        submit("mine", "right");
        assertThat(fakes.outcomes).containsExactly("failureChallenge:INTERNAL_ERROR");
        assertThat(fakes.lastPage().error()).isEqualTo("esiaLinkBrokenLogin");
        assertThat(registry.legacyChecks).isEmpty();
        assertThat(registry.links).isEmpty();
    }

    @Test
    void theRightPasswordOfAnotherPersonsAccountAnswersLikeAWrongOneAndLinksNothing() {
        confirmedPerson();
        submit("theirs", "right");
        String theirs = fakes.lastPage().error();
        List<String> theirsEvents = fakes.eventErrors();

        StepFakes wrong = new StepFakes();
        wrong.registry = registry;
        wrong.authNotes.put(LoginNotes.ROLE, "PARENT");
        wrong.login(new BrokeredEsiaPerson(OID + "9", "Иванова", "Мария", null, null, null, true,
                AccountType.CONFIRMED, null, null, null, null));
        wrong.form.putSingle(LegacyLinkAuthenticator.FIELD_ORGANISATION, "org-1");
        wrong.form.putSingle(LegacyLinkAuthenticator.FIELD_LOGIN, "mine");
        wrong.form.putSingle(LegacyLinkAuthenticator.FIELD_PASSWORD, "wrong");
        step.action(wrong.context);

        assertThat(theirs).isEqualTo("esiaLinkInvalidCredentials").isEqualTo(wrong.lastPage().error());
        assertThat(fakes.lastPage().template()).isEqualTo(wrong.lastPage().template());
        assertThat(fakes.lastPage().attributes().get("esiaLinkMode")).isEqualTo("form");
        assertThat(fakes.outcomes).containsExactly("challenge");
        assertThat(registry.queries).doesNotContain("LINK");   // not even asked: the step knows the account is held
        assertThat(registry.links).isEmpty();
        assertThat(registry.accounts).filteredOn(a -> a.id().equals("p-theirs"))
                .extracting(RegistryAccount::esiaOid).containsExactly("2000002");
        assertThat(fakes.authNotes).doesNotContainKey(LinkerNotes.ACCOUNTS);
        // only the event (never the page) says what really happened
        assertThat(theirsEvents).containsExactly("esia_account_linked_to_another_person");
        assertThat(wrong.eventErrors()).containsExactly("invalid_user_credentials");
    }

    @Test
    void overLongFieldsAnswerLikeAWrongPasswordWithoutAskingTheRegistryOrCounting() {
        confirmedPerson();
        submit("mine" + "x".repeat(LegacyLinkAuthenticator.MAX_LOGIN), "right");
        submit("mine", "r".repeat(LegacyLinkAuthenticator.MAX_PASSWORD + 1));
        assertThat(fakes.lastPage().error()).isEqualTo("esiaLinkInvalidCredentials");
        assertThat(registry.legacyChecks).isEmpty();
        assertThat(registry.links).isEmpty();
        assertThat(fakes.singleUse.keySet()).noneMatch(key -> key.startsWith("esia-link-attempts:"));
    }

    @Test
    void anAttemptInFlightIsRefusedWithoutCheckingThePassword() {
        confirmedPerson();
        fakes.singleUse.put(LinkAttemptGuard.personKey("realm-id", OID) + ":in-flight", Map.of());
        submit("mine", "right");
        assertThat(fakes.lastPage().error()).isEqualTo("esiaLinkAttemptInFlight");
        assertThat(registry.legacyChecks).isEmpty();
        assertThat(registry.links).isEmpty();
        assertThat(fakes.eventErrors()).containsExactly("user_temporarily_disabled");
    }

    @Test
    void aLockedPersonIsRefusedEvenWithTheRightPasswordAndNothingIsChecked() {
        confirmedPerson();
        int failures = AttemptPolicy.KEYCLOAK_DEFAULTS.failureFactor();
        for (int i = 0; i < failures; i++) {
            submit("mine", "wrong-" + i);
        }
        assertThat(registry.legacyChecks).hasSize(failures);
        assertThat(fakes.lastPage().error()).isEqualTo("esiaLinkTooManyAttempts");

        submit("mine", "right");
        assertThat(registry.legacyChecks).hasSize(failures);
        assertThat(registry.links).isEmpty();
        assertThat(fakes.lastPage().error()).isEqualTo("esiaLinkTooManyAttempts");
        assertThat(fakes.authNotes).doesNotContainKey(LinkerNotes.ACCOUNTS);
    }

    @Test
    void oneFailureShortOfTheLockTheRightPasswordStillLinks() {
        confirmedPerson();
        int failures = AttemptPolicy.KEYCLOAK_DEFAULTS.failureFactor();
        for (int i = 0; i < failures - 1; i++) {
            submit("mine", "wrong-" + i);
        }
        assertThat(fakes.lastPage().error()).isEqualTo("esiaLinkInvalidCredentials");
        submit("mine", "right");
        assertThat(registry.links).containsExactly("p-mine:LEGACY_LOGIN");
    }

    @Test
    void registryDownShowsTheUnavailablePageAndLinksNothing() {
        confirmedPerson();
        registry.down = true;
        submit("mine", "right");
        assertThat(fakes.lastPage().error()).isEqualTo("esiaRegistryUnavailable");
        assertThat(fakes.lastPage().attributes()).containsEntry("esiaLinkMode", "unavailable");
        assertThat(registry.links).isEmpty();
        assertThat(fakes.authNotes).doesNotContainKey(LinkerNotes.ACCOUNTS);
        // the in-flight marks are released for the next try
        assertThat(fakes.singleUse.keySet()).noneMatch(k -> k.endsWith(":in-flight"));
    }
}
