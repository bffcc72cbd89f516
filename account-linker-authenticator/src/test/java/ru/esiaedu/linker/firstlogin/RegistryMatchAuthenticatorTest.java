package ru.esiaedu.linker.firstlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.linker.LinkerNotes;
import ru.esiaedu.linker.match.FakeRegistry;
import ru.esiaedu.linker.support.LinkerPages;
import ru.esiaedu.linker.testing.StepFakes;
import ru.esiaedu.login.LoginNotes;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;

/** The first-login match step against fakes of Keycloak and an in-memory registry: who is refused, and how. */
class RegistryMatchAuthenticatorTest {

    private static final Organisation SCHOOL = new Organisation("org-1", "SCHOOL", "МБОУ СОШ № 1", "Челябинск");
    private static final String PHONE = "79011111111";

    private final StepFakes fakes = new StepFakes();
    private final FakeRegistry registry = new FakeRegistry();
    private final RegistryMatchAuthenticator step = new RegistryMatchAuthenticator(
            Clock.fixed(Instant.parse("2026-03-15T09:00:00Z"), ZoneOffset.UTC));

    RegistryMatchAuthenticatorTest() {
        fakes.registry = registry;
        fakes.authNotes.put(LoginNotes.ROLE, "PARENT");
    }

    private static RegistryAccount parentCard(String id, LocalDate birthDate) {
        return new RegistryAccount(id, RegistryRole.PARENT, SCHOOL, null, "ЗАХАРЧЕНКО", "ДИАНА", null,
                birthDate, null, List.of(PHONE), List.of(), List.of(), null);
    }

    private static BrokeredEsiaPerson diana(AccountType type, boolean trusted, LocalDate birthDate) {
        return new BrokeredEsiaPerson("1000001", "Захарченко", "Диана", null, birthDate, null, trusted,
                type, null, "+79011111111", null, null);
    }

    private void run(BrokeredEsiaPerson person) {
        step.authenticateImpl(fakes.context, null, StepFakes.broker(person));
    }

    @Test
    void aMatchedConfirmedPersonIsLinkedAndGoesOn() {
        registry.add(parentCard("p1", LocalDate.of(1985, 4, 2)));
        run(diana(AccountType.CONFIRMED, true, LocalDate.of(1985, 4, 2)));
        assertThat(fakes.outcomes).containsExactly("success");
        assertThat(registry.links).containsExactly("p1:PHONE");
        assertThat(fakes.authNotes).containsEntry(LinkerNotes.ACCOUNTS, "p1").containsEntry(LoginNotes.OID, "1000001");
    }

    @Test
    void aLoginWithoutAPersonDocumentGetsAnErrorPageAndTouchesNoRegistry() {
        run(null);
        assertThat(fakes.outcomes).containsExactly("failureChallenge:IDENTITY_PROVIDER_ERROR");
        assertThat(fakes.lastPage().template()).isEqualTo("error-page");
        assertThat(fakes.lastPage().status()).isEqualTo(Response.Status.BAD_REQUEST);
        assertThat(fakes.lastPage().error()).isEqualTo("esiaLinkerNoPerson");
        assertThat(registry.queries).isEmpty();
    }

    @Test
    void registryDownShowsItsPageLinksNothingAndFreesTheLock() {
        registry.add(parentCard("p1", LocalDate.of(1985, 4, 2)));
        registry.down = true;
        run(diana(AccountType.CONFIRMED, true, LocalDate.of(1985, 4, 2)));
        assertThat(fakes.outcomes).containsExactly("challenge");
        assertThat(fakes.lastPage().template()).isEqualTo(LinkerPages.REGISTRY_UNAVAILABLE);
        assertThat(registry.links).isEmpty();
        assertThat(fakes.authNotes).doesNotContainKey(LinkerNotes.ACCOUNTS);
        assertThat(fakes.eventErrors()).containsExactly(LinkerPages.REGISTRY_UNAVAILABLE_ERROR);
        assertThat(fakes.singleUse).isEmpty();
    }

    @Test
    void aSecondFirstLoginOfTheSamePersonWaitsAndQueriesNothing() {
        fakes.singleUse.put(RegistryMatchAuthenticator.FIRST_LOGIN_LOCK_PREFIX + "realm-id:1000001", java.util.Map.of());
        registry.add(parentCard("p1", LocalDate.of(1985, 4, 2)));
        run(diana(AccountType.CONFIRMED, true, LocalDate.of(1985, 4, 2)));
        assertThat(fakes.lastPage().template()).isEqualTo(LinkerPages.LOGIN_IN_PROGRESS);
        assertThat(registry.queries).isEmpty();
        assertThat(registry.links).isEmpty();
    }

    @Test
    void aSimplifiedAccountWithoutItsOwnCardIsToldItIsNotConfirmed() {
        run(diana(AccountType.SIMPLIFIED, false, LocalDate.of(1985, 4, 2)));
        assertThat(fakes.outcomes).containsExactly("challenge");
        assertThat(fakes.lastPage().template()).isEqualTo("error-page");
        assertThat(fakes.lastPage().status()).isEqualTo(Response.Status.FORBIDDEN);
        assertThat(fakes.lastPage().error()).isEqualTo("esiaAccountNotConfirmed");
        assertThat(fakes.eventErrors()).containsExactly("not_allowed");
        assertThat(fakes.flowEventDetail("match_rule")).isEqualTo("NONE");
        assertThat(registry.links).isEmpty();
        assertThat(fakes.singleUse).isEmpty();
    }

    @Test
    void aContactLeadingToSeveralPeopleLinksNothingAndTheNotFoundPageSaysSo() {
        registry.add(parentCard("p1", LocalDate.of(1985, 4, 2)));
        registry.add(parentCard("p2", LocalDate.of(1961, 1, 1)));
        run(diana(AccountType.CONFIRMED, true, null));
        assertThat(fakes.outcomes).containsExactly("challenge");
        assertThat(fakes.lastPage().template()).isEqualTo(LinkerPages.NOT_FOUND);
        assertThat(fakes.lastPage().attributes()).containsEntry("esiaContactAmbiguous", true)
                .containsEntry("esiaOfferLink", true);
        assertThat(fakes.flowEventDetail("match_rule")).isEqualTo(RegistryMatchAuthenticator.MATCH_AMBIGUOUS_CONTACT);
        assertThat(registry.links).isEmpty();
        assertThat(fakes.authNotes).doesNotContainKey(LinkerNotes.ACCOUNTS);
    }

    @Test
    void nobodyFoundIsNotCalledAmbiguous() {
        run(diana(AccountType.CONFIRMED, true, LocalDate.of(1985, 4, 2)));
        assertThat(fakes.lastPage().template()).isEqualTo(LinkerPages.NOT_FOUND);
        assertThat(fakes.lastPage().attributes()).containsEntry("esiaContactAmbiguous", false);
        assertThat(fakes.flowEventDetail("match_rule")).isEqualTo("NONE");
    }
}
