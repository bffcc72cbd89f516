package ru.esiaedu.linker.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.linker.LinkerNotes;
import ru.esiaedu.linker.match.FakeRegistry;
import ru.esiaedu.linker.testing.StepFakes;
import ru.esiaedu.login.LoginNotes;
import ru.esiaedu.registry.AccessRequestReceipt;

/** «Обратиться в организацию» against fakes of Keycloak and an in-memory registry. */
class AccessRequestAuthenticatorTest {

    private final StepFakes fakes = new StepFakes();
    private final FakeRegistry registry = new FakeRegistry();
    private final AccessRequestAuthenticator step = new AccessRequestAuthenticator();

    AccessRequestAuthenticatorTest() {
        fakes.registry = registry;
        registry.organisationList.addAll(AccessRequestFormTest.ORGANISATIONS);
        fakes.authNotes.put(LoginNotes.ROLE, "PARENT");
        AccessRequestFormTest.valid().forEach(fakes.form::putSingle);
    }

    private static BrokeredEsiaPerson parent(AccountType type) {
        return new BrokeredEsiaPerson("1000001", "Иванова", "Мария", null, LocalDate.of(1985, 4, 2), null,
                type == AccountType.CONFIRMED, type, "maria@example.ru", null, null, null,
                List.of("Иванов Пётр Сергеевич"));
    }

    @Test
    void aValidRequestIsSentNumberedAndMailed() {
        fakes.login(parent(AccountType.CONFIRMED));
        step.action(fakes.context);
        assertThat(registry.requests).hasSize(1);
        assertThat(registry.requests.get(0).childFullName()).isEqualTo("Иванов Пётр Сергеевич");
        assertThat(registry.requests.get(0).requesterFullName()).as("the school's inbox shows who asks")
                .isEqualTo("Иванова Мария");
        assertThat(fakes.lastPage().template()).isEqualTo(AccessRequestAuthenticator.PAGE_DONE);
        assertThat(fakes.lastPage().attributes()).containsEntry("esiaRequestNumber", "Z-1");
        assertThat(fakes.authNotes).containsEntry(LinkerNotes.REQUEST_NUMBER, "Z-1");
        assertThat(fakes.mails).containsExactly("maria@example.ru");
        assertThat(fakes.eventErrors()).containsExactly(AccessRequestAuthenticator.EVENT_ERROR_SENT);
    }

    @Test
    void theDailyLimitShowsTheFormWithItsMessageAndNoNumberNorMail() {
        registry.nextReceipt = AccessRequestReceipt.dailyLimitReached();
        fakes.login(parent(AccountType.CONFIRMED));
        step.action(fakes.context);
        assertThat(fakes.lastPage().template()).isEqualTo(AccessRequestAuthenticator.PAGE_FORM);
        assertThat(fakes.lastPage().error()).isEqualTo("esiaRequestDailyLimit");
        assertThat(fakes.lastPage().attributes()).containsEntry("esiaRequestMode", "form");
        assertThat(fakes.authNotes).doesNotContainKey(LinkerNotes.REQUEST_NUMBER);
        assertThat(fakes.mails).isEmpty();
        assertThat(fakes.eventErrors()).containsExactly(AccessRequestAuthenticator.EVENT_ERROR_LIMIT);
    }

    @Test
    void aSimplifiedAccountMayNotSendARequest() {
        fakes.login(parent(AccountType.SIMPLIFIED));
        step.action(fakes.context);
        assertThat(fakes.lastPage().attributes()).containsEntry("esiaRequestMode", "conditions")
                .containsEntry("esiaRequestRefusal", "notConfirmed");
        assertThat(registry.requests).isEmpty();
    }

    @Test
    void aLoginWithoutAPersonGetsTheBrokenLoginPage() {
        fakes.login(null);
        step.action(fakes.context);
        assertThat(fakes.outcomes).containsExactly("failureChallenge:INTERNAL_ERROR");
        assertThat(fakes.lastPage().error()).isEqualTo("esiaLinkBrokenLogin");
        assertThat(registry.queries).isEmpty();
    }

    @Test
    void registryDownCreatesNoRequestAndSaysSo() {
        registry.down = true;
        fakes.login(parent(AccountType.CONFIRMED));
        step.action(fakes.context);
        assertThat(fakes.lastPage().attributes()).containsEntry("esiaRequestMode", "unavailable");
        assertThat(fakes.lastPage().error()).isEqualTo("esiaRegistryUnavailable");
        assertThat(registry.requests).isEmpty();
        assertThat(fakes.authNotes).doesNotContainKey(LinkerNotes.REQUEST_NUMBER);
    }
}
