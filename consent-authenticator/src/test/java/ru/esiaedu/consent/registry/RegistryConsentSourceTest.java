package ru.esiaedu.consent.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.esiaedu.consent.registry.FakeConsentRegistry.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.esiaedu.consent.ConsentIds;
import ru.esiaedu.consent.source.ConsentApprover;
import ru.esiaedu.consent.source.ConsentRequestOutcome;
import ru.esiaedu.consent.source.ConsentSourceUnavailableException;
import ru.esiaedu.consent.source.ConsentState;
import ru.esiaedu.consent.source.ConsentStatus;
import ru.esiaedu.consent.source.ConsentSubject;
import ru.esiaedu.consent.source.Grantor;
import ru.esiaedu.consent.source.RequestMail;
import ru.esiaedu.login.age.AgeGroup;
import ru.esiaedu.registry.ConsentRecord;
import ru.esiaedu.registry.ConsentRequestRecord;
import ru.esiaedu.registry.ConsentRequestStatus;
import ru.esiaedu.registry.RegistryRole;

class RegistryConsentSourceTest {

    static final String CLIENT = "school-portal";
    static final String CHILD = "acc-child";
    static final String ADULT = "acc-adult";
    static final String MOTHER = "acc-mother";
    static final String FATHER = "acc-father";

    FakeConsentRegistry registry;
    FakeMailer mailer;
    RegistryConsentSource source;
    int mailerCreated;

    @BeforeEach
    void setUp() {
        registry = new FakeConsentRegistry()
                .add(account(CHILD, RegistryRole.STUDENT, "4В", "Джалилова", "Амина", List.of(), "oid-child"))
                .add(account(ADULT, RegistryRole.STUDENT, "11А", "Петров", "Никита", List.of("petrov@example.ru"), "oid-adult"))
                .add(account(MOTHER, RegistryRole.PARENT, null, "Захарченко", "Диана", List.of("mother@example.ru"), "oid-mother"))
                .add(account(FATHER, RegistryRole.PARENT, null, "Джалилов", "Рустам", List.of(), "oid-father"))
                .parentOf(CHILD, MOTHER, FATHER);
        mailer = new FakeMailer();
        source = new RegistryConsentSource(() -> registry, subject -> {
            mailerCreated++;
            return mailer;
        });
    }

    static ConsentSubject minor(String accountId) {
        return new ConsentSubject("realm-1", CLIENT, "Электронный дневник", "oid-child", AgeGroup.UNDER_14, accountId, null, null);
    }

    static ConsentSubject adult(String accountId) {
        return new ConsentSubject("realm-1", CLIENT, "Электронный дневник", "oid-adult", AgeGroup.ADULT, accountId, null, null);
    }

    // --- check ------------------------------------------------------------------------------------------------

    @Test
    void nothingKnownIsNone() throws Exception {
        assertThat(source.check(minor(CHILD))).isEqualTo(ConsentState.of(ConsentStatus.NONE));
    }

    @Test
    void anActiveParentConsentIsGrantedByAParent() throws Exception {
        ConsentRequestRecord request = registry.putRequest(CHILD, CLIENT, ConsentRequestStatus.PENDING, false, MOTHER, FATHER);
        ConsentRecord consent = registry.approveConsentRequest(request.id(), MOTHER, "oid-mother", "2026-11").orElseThrow();

        ConsentState state = source.check(minor(CHILD));

        assertThat(state).isEqualTo(new ConsentState(ConsentStatus.GRANTED, Grantor.PARENT, Long.toString(consent.requestId())));
    }

    @Test
    void aSelfConsentIsGrantedBySelf() throws Exception {
        ConsentRequestRecord request = registry.putRequest(ADULT, CLIENT, ConsentRequestStatus.PENDING, true, ADULT);
        registry.approveConsentRequest(request.id(), ADULT, "oid-adult", "2026-11");

        assertThat(source.check(adult(ADULT)).grantor()).isEqualTo(Grantor.SELF);
        assertThat(source.check(adult(ADULT)).status()).isEqualTo(ConsentStatus.GRANTED);
    }

    @Test
    void aConsentForAnotherClientDoesNotCount() throws Exception {
        ConsentRequestRecord request = registry.putRequest(CHILD, "other-client", ConsentRequestStatus.PENDING, false, MOTHER);
        registry.approveConsentRequest(request.id(), MOTHER, "oid-mother", "2026-11");

        assertThat(source.check(minor(CHILD)).status()).isEqualTo(ConsentStatus.NONE);
    }

    @Test
    void theLatestRequestGivesPendingOrDeclined() throws Exception {
        ConsentRequestRecord declined = registry.putRequest(CHILD, CLIENT, ConsentRequestStatus.DECLINED, false, MOTHER);
        assertThat(source.check(minor(CHILD))).isEqualTo(new ConsentState(ConsentStatus.DECLINED, null, Long.toString(declined.id())));

        ConsentRequestRecord pending = registry.putRequest(CHILD, CLIENT, ConsentRequestStatus.PENDING, false, MOTHER);
        assertThat(source.check(minor(CHILD))).isEqualTo(new ConsentState(ConsentStatus.PENDING, null, Long.toString(pending.id())));
    }

    @Test
    void anApprovedRequestWhoseConsentWasRevokedIsRevoked() throws Exception {
        ConsentRequestRecord request = registry.putRequest(CHILD, CLIENT, ConsentRequestStatus.PENDING, false, MOTHER);
        ConsentRecord consent = registry.approveConsentRequest(request.id(), MOTHER, "oid-mother", "2026-11").orElseThrow();
        registry.revokeConsent(consent.id(), MOTHER);

        assertThat(source.check(minor(CHILD)).status()).isEqualTo(ConsentStatus.REVOKED);
    }

    @Test
    void noRegistryAccountIsNoneWithoutAskingTheRegistry() throws Exception {
        assertThat(source.check(minor(null)).status()).isEqualTo(ConsentStatus.NONE);
        assertThat(registry.calls).isEmpty();
    }

    @Test
    void registryDownIsSourceUnavailable() {
        registry.down = true;
        assertThatThrownBy(() -> source.check(minor(CHILD))).isInstanceOf(ConsentSourceUnavailableException.class);
        assertThatThrownBy(() -> source.request(minor(CHILD))).isInstanceOf(ConsentSourceUnavailableException.class);
        assertThatThrownBy(() -> source.approveSelf(adult(ADULT), "2026-11")).isInstanceOf(ConsentSourceUnavailableException.class);
        assertThatThrownBy(() -> source.pendingApprovals(new ConsentApprover("realm-1", "oid-mother")))
                .isInstanceOf(ConsentSourceUnavailableException.class);
    }

    @Test
    void noRegistryProviderIsSourceUnavailable() {
        RegistryConsentSource withoutRegistry = new RegistryConsentSource(() -> {
            throw new ru.esiaedu.registry.RegistryUnavailableException("no school-registry provider", null);
        }, subject -> mailer);
        assertThatThrownBy(() -> withoutRegistry.check(minor(CHILD))).isInstanceOf(ConsentSourceUnavailableException.class);
    }

    // --- request ----------------------------------------------------------------------------------------------

    @Test
    void aMinorAsksTheParentsAndMailsThoseWithAnAddress() throws Exception {
        ConsentRequestOutcome outcome = source.request(minor(CHILD));

        ConsentRequestRecord request = registry.requests.values().iterator().next();
        assertThat(request.studentApproves()).isFalse();
        assertThat(request.recipientAccountIds()).containsExactly(MOTHER, FATHER);
        assertThat(outcome).isEqualTo(new ConsentRequestOutcome(Long.toString(request.id()), true, 2, RequestMail.SENT));
        assertThat(mailer.sent).extracting(FakeMailer.Sent::address).containsExactly("mother@example.ru");
        assertThat(mailer.linksAsked).containsExactly(true);
        ConsentRequestEmail email = mailer.sent.get(0).email();
        assertThat(email.subject()).isEqualTo("Запрос согласия на вход ребёнка в электронный дневник");
        assertThat(email.textBody()).contains("Амина, класс 4В", "«Электронный дневник»", mailer.link)
                .doesNotContain("Джалилова");
        assertThat(email.htmlBody()).contains("Амина, класс 4В").doesNotContain("Джалилова");
    }

    @Test
    void anOpenRequestIsNotMailedAgain() throws Exception {
        ConsentRequestOutcome first = source.request(minor(CHILD));
        ConsentRequestOutcome second = source.request(minor(CHILD));

        assertThat(second).isEqualTo(new ConsentRequestOutcome(first.requestId(), false, 2, RequestMail.ALREADY_SENT));
        assertThat(mailer.sent).hasSize(1);
        assertThat(registry.requests).hasSize(1);
    }

    @Test
    void anAdultAsksThemselfAndGetsAStudentLoginLink() throws Exception {
        ConsentRequestOutcome outcome = source.request(adult(ADULT));

        ConsentRequestRecord request = registry.requests.values().iterator().next();
        assertThat(request.studentApproves()).isTrue();
        assertThat(request.recipientAccountIds()).containsExactly(ADULT);
        assertThat(outcome.created()).isTrue();
        assertThat(outcome.recipients()).isEqualTo(1);
        assertThat(mailer.linksAsked).containsExactly(false);
        assertThat(mailer.sent).singleElement().satisfies(sent -> {
            assertThat(sent.address()).isEqualTo("petrov@example.ru");
            assertThat(sent.email().subject()).isEqualTo(
                    "Запрос согласия на обработку персональных данных для входа в электронный дневник");
        });
    }

    @Test
    void noRecipientWithAnAddressMeansNoMailerAtAll() throws Exception {
        registry.parentOf(CHILD, FATHER);
        source.request(minor(CHILD));

        assertThat(mailerCreated).isZero();
        assertThat(mailer.sent).isEmpty();
    }

    @Test
    void aStudentWithoutParentsStillGetsARequestWithNoRecipients() throws Exception {
        registry.parents.clear();
        ConsentRequestOutcome outcome = source.request(minor(CHILD));

        assertThat(outcome.created()).isTrue();
        assertThat(outcome.recipients()).isZero();
        assertThat(mailer.sent).isEmpty();
    }

    @Test
    void aMailFailureDoesNotFailTheRequestAndTheOthersAreStillSent() throws Exception {
        registry.add(account(FATHER, RegistryRole.PARENT, null, "Джалилов", "Рустам", List.of("father@example.ru"), "oid-father"));
        mailer.failFor.add("mother@example.ru");

        ConsentRequestOutcome outcome = source.request(minor(CHILD));

        assertThat(outcome.created()).isTrue();
        assertThat(mailer.sent).extracting(FakeMailer.Sent::address).containsExactly("father@example.ru");
    }

    @Test
    void aMailLostToAMailServerOutageIsSentAtTheNextLoginWhileTheRequestIsPending() throws Exception {
        mailer.failFor.add("mother@example.ru");
        ConsentRequestOutcome first = source.request(minor(CHILD));
        assertThat(mailer.sent).isEmpty();

        mailer.failFor.clear();
        ConsentRequestOutcome second = source.request(minor(CHILD));

        assertThat(second.created()).isFalse();
        assertThat(second.requestId()).isEqualTo(first.requestId());
        assertThat(mailer.sent).extracting(FakeMailer.Sent::address).containsExactly("mother@example.ru");
        assertThat(registry.requests).hasSize(1);
    }

    @Test
    void aDeliveredMailIsNotSentAgainAtLaterLogins() throws Exception {
        mailer.failFor.add("mother@example.ru");
        source.request(minor(CHILD));
        mailer.failFor.clear();
        source.request(minor(CHILD));
        source.request(minor(CHILD));
        source.request(minor(CHILD));

        assertThat(mailer.sent).extracting(FakeMailer.Sent::address).containsExactly("mother@example.ru");
    }

    @Test
    void onlyTheRecipientsTheMailDidNotReachAreMailedAgain() throws Exception {
        registry.add(account(FATHER, RegistryRole.PARENT, null, "Джалилов", "Рустам", List.of("father@example.ru"), "oid-father"));
        mailer.failFor.add("mother@example.ru");
        source.request(minor(CHILD));

        mailer.failFor.clear();
        source.request(minor(CHILD));

        assertThat(mailer.sent).extracting(FakeMailer.Sent::address).containsExactly("father@example.ru", "mother@example.ru");
    }

    @Test
    void theOutcomeSaysWhenTheMailFailedAndWhenItWentOutLater() throws Exception {
        mailer.failFor.add("mother@example.ru");
        assertThat(source.request(minor(CHILD)).mail()).isEqualTo(RequestMail.FAILED);
        assertThat(source.request(minor(CHILD)).mail()).as("still down").isEqualTo(RequestMail.FAILED);

        mailer.failFor.clear();
        assertThat(source.request(minor(CHILD)).mail()).isEqualTo(RequestMail.SENT);
        assertThat(source.request(minor(CHILD)).mail()).isEqualTo(RequestMail.ALREADY_SENT);
        assertThat(registry.notices.values()).singleElement()
                .satisfies(notice -> assertThat(notice.reachedAccountIds()).containsExactly(MOTHER));
    }

    @Test
    void noRecipientWithAnAddressIsSaidAsSuch() throws Exception {
        registry.parentOf(CHILD, FATHER);
        assertThat(source.request(minor(CHILD)).mail()).isEqualTo(RequestMail.NO_ADDRESS);
        assertThat(source.request(minor(CHILD)).mail()).isEqualTo(RequestMail.NO_ADDRESS);
    }

    @Test
    void aRegistryThatKeepsNoMailStateMailsOnlyANewRequestAsBefore() throws Exception {
        registry.keepsNotices = false;
        mailer.failFor.add("mother@example.ru");
        assertThat(source.request(minor(CHILD)).mail()).isEqualTo(RequestMail.FAILED);
        mailer.failFor.clear();

        assertThat(source.request(minor(CHILD)).mail()).isEqualTo(RequestMail.NONE);
        assertThat(mailer.sent).isEmpty();
    }

    @Test
    void ofTwoLoginsAtOnceOnlyTheOneThatTakesTheTurnSends() throws Exception {
        mailer.failFor.add("mother@example.ru");
        long id = Long.parseLong(source.request(minor(CHILD)).requestId());
        mailer.failFor.clear();
        // the other login takes the turn after this one has read the mail state
        registry.beforeClaim = () -> {
            registry.beforeClaim = null;
            assertThat(registry.claimConsentNotice(id, 1)).isTrue();
        };

        ConsentRequestOutcome mine = source.request(minor(CHILD));

        assertThat(mine.mail()).isEqualTo(RequestMail.NONE);
        assertThat(mailer.sent).as("the other login sends, not this one").isEmpty();
        assertThat(registry.notices.get(id).attempts()).isEqualTo(2);
    }

    @Test
    void resendingRightAfterADeliveredMailIsRefusedAndAllowedAfterAnHour() throws Exception {
        Instant opened = Instant.parse("2026-11-20T10:00:00Z");
        registry.noticeClock = Clock.fixed(opened, ZoneOffset.UTC);
        resendAt(opened).request(minor(CHILD));
        assertThat(mailer.sent).hasSize(1);

        assertThat(resendAt(opened.plus(Duration.ofMinutes(59))).resend(minor(CHILD)).mail()).isEqualTo(RequestMail.TOO_SOON);
        assertThat(mailer.sent).hasSize(1);

        ConsentRequestOutcome later = resendAt(opened.plus(Duration.ofHours(1))).resend(minor(CHILD));
        assertThat(later.mail()).isEqualTo(RequestMail.SENT);
        assertThat(later.created()).isFalse();
        assertThat(mailer.sent).extracting(FakeMailer.Sent::address).containsExactly("mother@example.ru", "mother@example.ru");
        assertThat(registry.requests).hasSize(1);
    }

    @Test
    void resendingAfterAFailureWaitsAMinute() throws Exception {
        Instant opened = Instant.parse("2026-11-20T10:00:00Z");
        registry.noticeClock = Clock.fixed(opened, ZoneOffset.UTC);
        mailer.failFor.add("mother@example.ru");
        resendAt(opened).request(minor(CHILD));
        mailer.failFor.clear();

        assertThat(resendAt(opened.plusSeconds(30)).resend(minor(CHILD)).mail()).isEqualTo(RequestMail.TOO_SOON);
        assertThat(resendAt(opened.plusSeconds(60)).resend(minor(CHILD)).mail()).isEqualTo(RequestMail.SENT);
        assertThat(mailer.sent).extracting(FakeMailer.Sent::address).containsExactly("mother@example.ru");
    }

    @Test
    void resendingNeverOpensARequestAndIgnoresDecidedOnes() throws Exception {
        assertThat(source.resend(minor(CHILD))).isEqualTo(new ConsentRequestOutcome(null, false, 0));
        registry.putRequest(CHILD, CLIENT, ConsentRequestStatus.DECLINED, false, MOTHER);
        assertThat(source.resend(minor(CHILD)).requestId()).isNull();
        assertThat(source.resend(minor(null)).requestId()).isNull();
        assertThat(registry.requests).hasSize(1);
        assertThat(mailer.sent).isEmpty();
    }

    @Test
    void aRegistryOutageWhileResendingIsAnOutage() {
        registry.down = true;
        assertThatThrownBy(() -> source.resend(minor(CHILD))).isInstanceOf(ConsentSourceUnavailableException.class);
    }

    private RegistryConsentSource resendAt(Instant now) {
        return new RegistryConsentSource(() -> registry, subject -> mailer, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aBrokenMailerDoesNotFailTheRequest() throws Exception {
        RegistryConsentSource broken = new RegistryConsentSource(() -> registry, subject -> {
            throw new IllegalStateException("no theme");
        });
        assertThat(broken.request(minor(CHILD)).created()).isTrue();
    }

    @Test
    void theChildUnreadableStillMailsWithoutAName() throws Exception {
        registry.downFor.add("findById");
        source.request(minor(CHILD));

        assertThat(mailer.sent).singleElement().satisfies(sent ->
                assertThat(sent.email().textBody()).contains("Для входа вашего ребёнка").doesNotContain("Амина"));
    }

    @Test
    void withoutALinkTheMailSaysHowToSignIn() throws Exception {
        mailer.link = null;
        source.request(minor(CHILD));

        assertThat(mailer.sent.get(0).email().textBody())
                .contains("войдите в систему «Электронный дневник» через Госуслуги как родитель");
    }

    @Test
    void noRegistryAccountMakesNoRequest() throws Exception {
        ConsentRequestOutcome outcome = source.request(minor(null));

        assertThat(outcome).isEqualTo(new ConsentRequestOutcome(null, false, 0));
        assertThat(registry.calls).isEmpty();
        assertThat(mailer.sent).isEmpty();
    }

    // --- pendingApprovals ---------------------------------------------------------------------------------------

    @Test
    void pendingApprovalsCountRequestsAddressedToAnyOfThePersonsAccounts() throws Exception {
        registry.add(account("acc-mother-2", RegistryRole.PARENT, null, "Захарченко", "Диана", List.of(), "oid-mother"));
        registry.putRequest(CHILD, CLIENT, ConsentRequestStatus.PENDING, false, MOTHER, FATHER);
        registry.putRequest("acc-other-child", CLIENT, ConsentRequestStatus.PENDING, false, "acc-mother-2");
        registry.putRequest("acc-third", CLIENT, ConsentRequestStatus.DECLINED, false, MOTHER);
        registry.putRequest("acc-fourth", CLIENT, ConsentRequestStatus.PENDING, false, "acc-stranger");

        assertThat(source.pendingApprovals(new ConsentApprover("realm-1", "oid-mother"))).isEqualTo(2);
        assertThat(source.pendingApprovals(new ConsentApprover("realm-1", "oid-nobody"))).isZero();
        assertThat(source.pendingApprovals(new ConsentApprover("realm-1", null))).isZero();
    }

    // --- approveSelf ------------------------------------------------------------------------------------------

    @Test
    void anAdultApprovesTheirOwnPendingRequest() throws Exception {
        source.request(adult(ADULT));

        assertThat(source.approveSelf(adult(ADULT), ConsentIds.CONSENT_TEXT_VERSION)).isTrue();

        ConsentRecord consent = registry.consents.values().iterator().next();
        assertThat(consent.studentAccountId()).isEqualTo(ADULT);
        assertThat(consent.grantorAccountId()).isEqualTo(ADULT);
        assertThat(consent.grantorEsiaOid()).isEqualTo("oid-adult");
        assertThat(consent.selfGranted()).isTrue();
        assertThat(consent.textVersion()).isEqualTo(ConsentIds.CONSENT_TEXT_VERSION);
        assertThat(source.check(adult(ADULT)).status()).isEqualTo(ConsentStatus.GRANTED);
    }

    @Test
    void approvingTwiceIsFineAndRecordsOneConsent() throws Exception {
        source.request(adult(ADULT));
        source.approveSelf(adult(ADULT), "2026-11");

        assertThat(source.approveSelf(adult(ADULT), "2026-11")).isTrue();
        assertThat(registry.consents).hasSize(1);
    }

    @Test
    void selfApprovalIsRefusedWithoutAnOwnPendingRequest() throws Exception {
        assertThat(source.approveSelf(adult(ADULT), "2026-11")).isFalse();

        registry.putRequest(ADULT, CLIENT, ConsentRequestStatus.PENDING, false, MOTHER);
        assertThat(source.approveSelf(adult(ADULT), "2026-11")).isFalse();
        assertThat(registry.consents).isEmpty();
    }

    @Test
    void aDeclinedOrRevokedSelfRequestIsRefused() throws Exception {
        registry.putRequest(ADULT, CLIENT, ConsentRequestStatus.DECLINED, true, ADULT);
        assertThat(source.approveSelf(adult(ADULT), "2026-11")).isFalse();

        ConsentRequestRecord request = registry.putRequest(ADULT, CLIENT, ConsentRequestStatus.PENDING, true, ADULT);
        ConsentRecord consent = registry.approveConsentRequest(request.id(), ADULT, "oid-adult", "2026-11").orElseThrow();
        registry.revokeConsent(consent.id(), ADULT);
        assertThat(source.approveSelf(adult(ADULT), "2026-11")).isFalse();
    }

    @Test
    void minorsAndUnknownAccountsCannotApproveThemselves() throws Exception {
        registry.putRequest(CHILD, CLIENT, ConsentRequestStatus.PENDING, true, CHILD);

        assertThat(source.approveSelf(minor(CHILD), "2026-11")).isFalse();
        assertThat(source.approveSelf(adult(null), "2026-11")).isFalse();
        assertThat(registry.consents).isEmpty();
    }

    @Test
    void theFactoryHasTheRegistryIdAndName() {
        RegistryConsentSourceFactory factory = new RegistryConsentSourceFactory();
        assertThat(factory.getId()).isEqualTo("registry").isEqualTo(ConsentIds.SOURCE_REGISTRY);
        assertThat(factory.getDisplayName()).isEqualTo("Реестр школ (согласия на платформе)");
    }
}
