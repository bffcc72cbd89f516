package ru.esiaedu.consent.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ru.esiaedu.consent.ConsentIds;
import ru.esiaedu.consent.check.ConsentOutcome.Kind;
import ru.esiaedu.consent.check.ConsentOutcome.Notice;
import ru.esiaedu.consent.check.ConsentOutcome.Request;
import ru.esiaedu.consent.source.ConsentStatus;
import ru.esiaedu.consent.source.ConsentSubject;
import ru.esiaedu.consent.source.Grantor;
import ru.esiaedu.consent.source.RequestMail;
import ru.esiaedu.login.age.AgeGroup;
import ru.esiaedu.registry.RegistryRole;

class ConsentCheckTest {

    /** 2026-02-28 21:30 UTC = 2026-03-01 00:30 in Moscow. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-28T21:30:00Z"), ZoneOffset.UTC);

    private static final LocalDate CHILD_12 = LocalDate.of(2013, 9, 1);
    private static final LocalDate TEEN_15 = LocalDate.of(2010, 6, 3);
    private static final LocalDate ADULT_19 = LocalDate.of(2007, 1, 10);

    private final ConsentCheck check = new ConsentCheck(ConsentCheckSettings.defaults(), CLOCK);
    private final MemoryInNotes memory = new MemoryInNotes();

    private static LoginFacts login(RegistryRole role, LocalDate birthDate) {
        return new LoginFacts(role, "realm-1", "school-portal", "Школьный портал", "1000300105", birthDate, "acc-1",
                "esia-token", "http://localhost:8081");
    }

    private static LoginFacts student(LocalDate birthDate) {
        return login(RegistryRole.STUDENT, birthDate);
    }

    // --- the request's e-mail ----------------------------------------------------------------------------

    @Test
    void whatBecameOfTheRequestsMailReachesThePageAndStaysForTheRestOfTheLogin() {
        FakeResendSource source = new FakeResendSource();
        source.mail = RequestMail.FAILED;

        ConsentOutcome first = check.evaluate(student(CHILD_12), source, memory);
        assertThat(first.mail()).isEqualTo(RequestMail.FAILED);
        assertThat(first.resendable()).isTrue();
        // a reload or «Согласие получено — войти» in the same login still says the mail did not go
        assertThat(check.evaluate(student(CHILD_12), source, memory).mail()).isEqualTo(RequestMail.FAILED);
        assertThat(check.recheck(student(CHILD_12), source, memory).mail()).isEqualTo(RequestMail.FAILED);
        assertThat(source.requested).hasSize(1);
    }

    @Test
    void resendingAsksTheSourceAndNeverOpensARequest() {
        FakeResendSource source = new FakeResendSource();
        source.mail = RequestMail.FAILED;
        check.evaluate(student(CHILD_12), source, memory);

        source.mail = RequestMail.SENT;
        ConsentOutcome resent = check.resend(student(CHILD_12), source, memory);

        assertThat(resent.kind()).isEqualTo(Kind.REQUIRED);
        assertThat(resent.notice()).isEqualTo(Notice.RESEND);
        assertThat(resent.mail()).isEqualTo(RequestMail.SENT);
        assertThat(source.resent).hasSize(1);
        assertThat(source.requested).hasSize(1);
        assertThat(check.recheck(student(CHILD_12), source, memory).mail()).as("remembered").isEqualTo(RequestMail.SENT);
    }

    @Test
    void resendingWhenTheConsentCameMeanwhileLetsTheStudentInWithoutMailing() {
        FakeResendSource source = new FakeResendSource();
        source.state = new ru.esiaedu.consent.source.ConsentState(ConsentStatus.GRANTED, Grantor.PARENT, "r-1");

        assertThat(check.resend(student(CHILD_12), source, memory).kind()).isEqualTo(Kind.GRANTED);
        assertThat(source.resent).isEmpty();
    }

    @Test
    void resendingIsARecheckForSourcesThatDoNotMailAndAnOutageWhenTheSourceIsDown() {
        FakeConsentSource esia = FakeConsentSource.answering(ConsentStatus.PENDING);
        ConsentOutcome plain = check.resend(student(CHILD_12), esia, memory);
        assertThat(plain.kind()).isEqualTo(Kind.REQUIRED);
        assertThat(plain.resendable()).isFalse();
        assertThat(plain.mail()).isEqualTo(RequestMail.NONE);

        FakeResendSource down = new FakeResendSource();
        down.resendUnavailable = true;
        assertThat(check.resend(student(CHILD_12), down, new MemoryInNotes()).kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    // --- roles ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = RegistryRole.class, names = {"PARENT", "STAFF"})
    void parentsAndStaffPassWithoutAskingAboutConsent(RegistryRole role) {
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.NONE);
        ConsentOutcome outcome = check.evaluate(login(role, ADULT_19), source, memory);
        assertThat(outcome.kind()).isEqualTo(Kind.NOT_REQUIRED);
        assertThat(outcome.passes()).isTrue();
        assertThat(source.checked).isEmpty();
        assertThat(source.requested).isEmpty();
    }

    @Test
    void aRoleConfiguredAsRequiringConsentIsChecked() {
        ConsentCheck parentsToo = new ConsentCheck(ConsentCheckSettings.from(
                Map.of(ConsentCheckSettings.ROLES_REQUIRING_CONSENT, "STUDENT##PARENT")), CLOCK);
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.NONE);
        assertThat(parentsToo.evaluate(login(RegistryRole.PARENT, ADULT_19), source, memory).kind()).isEqualTo(Kind.REQUIRED);
        assertThat(parentsToo.evaluate(login(RegistryRole.STAFF, ADULT_19), source, new MemoryInNotes()).kind())
                .isEqualTo(Kind.NOT_REQUIRED);
    }

    @Test
    void anUnknownRoleIsCheckedAsIfItNeededConsent() {
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.NONE);
        assertThat(check.evaluate(login(null, CHILD_12), source, memory).kind()).isEqualTo(Kind.REQUIRED);
        assertThat(source.requested).hasSize(1);
    }

    // --- statuses ------------------------------------------------------------------------------------------

    @Test
    void aGrantedConsentLetsTheStudentInAndSaysWhoGrantedIt() {
        FakeConsentSource source = FakeConsentSource.granted(Grantor.PARENT);
        ConsentOutcome outcome = check.evaluate(student(CHILD_12), source, memory);
        assertThat(outcome.kind()).isEqualTo(Kind.GRANTED);
        assertThat(outcome.grantor()).isEqualTo(Grantor.PARENT);
        assertThat(outcome.request()).isEqualTo(Request.NONE);
        assertThat(source.requested).isEmpty();
        assertThat(memory.requested()).isFalse();
    }

    @Test
    void aGrantedConsentWithoutAGrantorStillPasses() {
        FakeConsentSource source = FakeConsentSource.granted(null);
        ConsentOutcome outcome = check.evaluate(student(ADULT_19), source, memory);
        assertThat(outcome.kind()).isEqualTo(Kind.GRANTED);
        assertThat(outcome.grantor()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = ConsentStatus.class, names = {"NONE", "DECLINED", "REVOKED"})
    void noValidConsentBlocksAndSendsANewRequest(ConsentStatus status) {
        FakeConsentSource source = FakeConsentSource.answering(status);
        ConsentOutcome outcome = check.evaluate(student(TEEN_15), source, memory);
        assertThat(outcome.kind()).isEqualTo(Kind.REQUIRED);
        assertThat(outcome.passes()).isFalse();
        assertThat(outcome.request()).isEqualTo(Request.CREATED);
        assertThat(outcome.ageGroup()).isEqualTo(AgeGroup.FROM_14_TO_17);
        assertThat(source.requested).hasSize(1);
        assertThat(source.purposes).containsExactly(ConsentCheckSettings.DEFAULT_PURPOSE);
        assertThat(memory.note).isEqualTo("req-1");
    }

    @Test
    void aPendingRequestAtTheSourceIsReportedAsAlreadyPending() {
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.PENDING);
        ConsentOutcome outcome = check.evaluate(student(CHILD_12), source, memory);
        assertThat(outcome.kind()).isEqualTo(Kind.REQUIRED);
        assertThat(outcome.request()).isEqualTo(Request.ALREADY_PENDING);
        assertThat(source.requested).hasSize(1);    // the source is idempotent; it is still asked once per login
    }

    @Test
    void theConfiguredPurposeGoesToTheSource() {
        ConsentCheck custom = new ConsentCheck(ConsentCheckSettings.from(
                Map.of(ConsentCheckSettings.PURPOSE, "Вход в электронный журнал школы")), CLOCK);
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.NONE);
        custom.evaluate(student(CHILD_12), source, memory);
        assertThat(source.purposes).containsExactly("Вход в электронный журнал школы");
    }

    // --- once per login ------------------------------------------------------------------------------------

    @Test
    void aReloadOrDoubleSubmitDoesNotRequestTwiceInOneLogin() {
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.NONE);
        assertThat(check.evaluate(student(CHILD_12), source, memory).request()).isEqualTo(Request.CREATED);
        ConsentOutcome again = check.evaluate(student(CHILD_12), source, memory);
        assertThat(again.kind()).isEqualTo(Kind.REQUIRED);
        assertThat(again.request()).isEqualTo(Request.ALREADY_PENDING);
        assertThat(source.requested).hasSize(1);
        assertThat(source.checked).hasSize(2);      // but the status is read every time
    }

    @Test
    void aNewLoginAsksAgainAfterADecline() {
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.DECLINED);
        check.evaluate(student(CHILD_12), source, memory);
        source.pendingAtSource = false;             // the parent declined that request
        ConsentOutcome nextLogin = check.evaluate(student(CHILD_12), source, new MemoryInNotes());
        assertThat(nextLogin.request()).isEqualTo(Request.CREATED);
        assertThat(source.requested).hasSize(2);
    }

    @Test
    void theConsentGivenWhileThePageIsShownLetsTheRecheckThrough() {
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.NONE);
        check.evaluate(student(CHILD_12), source, memory);
        ConsentOutcome notYet = check.recheck(student(CHILD_12), source, memory);
        assertThat(notYet.kind()).isEqualTo(Kind.REQUIRED);
        assertThat(notYet.notice()).isEqualTo(Notice.NOT_YET);
        assertThat(notYet.request()).isEqualTo(Request.NONE);

        source.state = FakeConsentSource.granted(Grantor.PARENT).state;
        ConsentOutcome granted = check.recheck(student(CHILD_12), source, memory);
        assertThat(granted.kind()).isEqualTo(Kind.GRANTED);
        assertThat(source.requested).hasSize(1);
    }

    @Test
    void aRecheckNeverSendsARequest() {
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.REVOKED);
        check.recheck(student(CHILD_12), source, new MemoryInNotes());
        assertThat(source.requested).isEmpty();
    }

    // --- age -----------------------------------------------------------------------------------------------

    @Test
    void ageGroupsOnTheDayOfLogin() {
        assertThat(check.evaluate(student(CHILD_12), FakeConsentSource.answering(ConsentStatus.NONE), new MemoryInNotes())
                .ageGroup()).isEqualTo(AgeGroup.UNDER_14);
        assertThat(check.evaluate(student(TEEN_15), FakeConsentSource.answering(ConsentStatus.NONE), new MemoryInNotes())
                .ageGroup()).isEqualTo(AgeGroup.FROM_14_TO_17);
        assertThat(check.evaluate(student(ADULT_19), FakeConsentSource.answering(ConsentStatus.NONE), new MemoryInNotes())
                .ageGroup()).isEqualTo(AgeGroup.ADULT);
    }

    @Test
    void theSubjectCarriesTheLoginAndTheExpectedGrantor() {
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.NONE);
        check.evaluate(student(ADULT_19), source, memory);
        ConsentSubject subject = source.checked.get(0);
        assertThat(subject).isEqualTo(new ConsentSubject("realm-1", "school-portal", "Школьный портал", "1000300105",
                AgeGroup.ADULT, "acc-1", "esia-token", "http://localhost:8081"));
        assertThat(subject.expectedGrantor()).isEqualTo(Grantor.SELF);
        assertThat(subject.toString()).doesNotContain("1000300105", "esia-token");
    }

    @Test
    void noBirthDateIsTreatedAsAMinor() {
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.NONE);
        ConsentOutcome outcome = check.evaluate(student(null), source, memory);
        assertThat(outcome.ageGroup().isMinor()).isTrue();
        assertThat(source.checked.get(0).expectedGrantor()).isEqualTo(Grantor.PARENT);
    }

    @Test
    void bornOn29FebruaryBecomesAdultOn28FebruaryInTheRegionsZone() {
        LocalDate leapDay = LocalDate.of(2008, 2, 29);
        // 2026-02-28 in Moscow (UTC 2026-02-28 10:00): 18 — art. 192 of the Civil Code, the month has no 29th.
        ConsentCheck moscowMorning = new ConsentCheck(ConsentCheckSettings.defaults(),
                Clock.fixed(Instant.parse("2026-02-28T10:00:00Z"), ZoneOffset.UTC));
        assertThat(moscowMorning.ageGroup(student(leapDay))).isEqualTo(AgeGroup.ADULT);
        // the day before: still 17
        ConsentCheck dayBefore = new ConsentCheck(ConsentCheckSettings.defaults(),
                Clock.fixed(Instant.parse("2026-02-27T10:00:00Z"), ZoneOffset.UTC));
        assertThat(dayBefore.ageGroup(student(leapDay))).isEqualTo(AgeGroup.FROM_14_TO_17);
    }

    @Test
    void theBirthdayStartsAtMidnightInTheConfiguredZoneNotInUtc() {
        LocalDate born = LocalDate.of(2008, 3, 1);   // 18 on 2026-03-01
        assertThat(check.ageGroup(student(born))).isEqualTo(AgeGroup.ADULT);   // Moscow: already 1 March 00:30
        ConsentCheck utc = new ConsentCheck(ConsentCheckSettings.from(Map.of(ConsentCheckSettings.TIME_ZONE, "UTC")), CLOCK);
        assertThat(utc.ageGroup(student(born))).isEqualTo(AgeGroup.FROM_14_TO_17);   // UTC: still 28 February
        ConsentCheck kaliningrad = new ConsentCheck(ConsentCheckSettings.from(
                Map.of(ConsentCheckSettings.TIME_ZONE, "Europe/Kaliningrad")), CLOCK);
        assertThat(kaliningrad.ageGroup(student(born))).isEqualTo(AgeGroup.FROM_14_TO_17);   // 23:30 on 28 February
    }

    private static LoginFacts studentWithAccount(LocalDate esiaBirthDate, LocalDate accountBirthDate, boolean unreadable) {
        return new LoginFacts(RegistryRole.STUDENT, "realm-1", "school-portal", "Школьный портал", "1000300105",
                esiaBirthDate, "acc-1", "esia-token", "http://localhost:8081", accountBirthDate, unreadable);
    }

    @Test
    void anAdultHoldingAMinorsAccountIsCheckedAsTheMinorTheAccountBelongsTo() {
        // ESIA knows no birth date for this adult, the account is a 12-year-old's: a parent must consent.
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.NONE);
        LoginFacts login = studentWithAccount(null, CHILD_12, false);
        assertThat(check.ageGroup(login)).isEqualTo(AgeGroup.UNDER_14);
        ConsentOutcome outcome = check.evaluate(login, source, memory);
        assertThat(outcome.kind()).isEqualTo(Kind.REQUIRED);
        assertThat(outcome.selfApproval()).isFalse();
        assertThat(source.requested).singleElement().satisfies(subject -> assertThat(subject.ageGroup()).isEqualTo(AgeGroup.UNDER_14));
    }

    @Test
    void birthDatesThatDisagreeRefuseTheLoginAndAskNobody() {
        FakeConsentSource source = FakeConsentSource.granted(Grantor.SELF);
        ConsentOutcome outcome = check.evaluate(studentWithAccount(ADULT_19, CHILD_12, false), source, memory);
        assertThat(outcome.kind()).isEqualTo(Kind.BIRTH_DATE_MISMATCH);
        assertThat(outcome.passes()).isFalse();
        assertThat(outcome.ageGroup()).isEqualTo(AgeGroup.UNDER_14);
        assertThat(source.checked).isEmpty();
        assertThat(source.requested).isEmpty();
        ConsentStepPlan plan = ConsentStepPlan.of(outcome, ConsentIds.SOURCE_REGISTRY, "Школьный портал", false);
        assertThat(plan.pass()).isFalse();
        assertThat(plan.loginError()).isEqualTo("consent_birth_date_mismatch");
        assertThat(plan.error()).isEqualTo("esiaConsentBirthDateMismatch");
    }

    @Test
    void theSameBirthDateInEsiaAndTheAccountIsNoMismatch() {
        FakeConsentSource source = FakeConsentSource.granted(Grantor.SELF);
        ConsentOutcome outcome = check.evaluate(studentWithAccount(ADULT_19, ADULT_19, false), source, memory);
        assertThat(outcome.kind()).isEqualTo(Kind.GRANTED);
    }

    @Test
    void anUnreadableStudentAccountFailsClosed() {
        FakeConsentSource source = FakeConsentSource.granted(Grantor.SELF);
        ConsentOutcome outcome = check.evaluate(studentWithAccount(ADULT_19, null, true), source, memory);
        assertThat(outcome.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(source.checked).isEmpty();
    }

    /** The same instants as the matcher's age tests (AccountMatcherTest): both flows share one age rule. */
    @Test
    void aChildBornOnTheTwentyNinthOfFebruaryIsFourteenOnTheTwentyEighthAsInMatching() {
        LocalDate leapDay = LocalDate.of(2008, 2, 29);
        ConsentCheck onTheTwentyEighth = new ConsentCheck(ConsentCheckSettings.defaults(),
                Clock.fixed(Instant.parse("2022-02-28T09:00:00Z"), ZoneOffset.UTC));
        assertThat(onTheTwentyEighth.ageGroup(student(leapDay))).isEqualTo(AgeGroup.FROM_14_TO_17);
        ConsentCheck onTheTwentySeventh = new ConsentCheck(ConsentCheckSettings.defaults(),
                Clock.fixed(Instant.parse("2022-02-27T09:00:00Z"), ZoneOffset.UTC));
        assertThat(onTheTwentySeventh.ageGroup(student(leapDay))).isEqualTo(AgeGroup.UNDER_14);
    }

    @Test
    void aStudentIsFourteenFromMidnightInMoscowWhileTheServerClockIsStillOnTheDayBeforeAsInMatching() {
        LocalDate born = LocalDate.of(2012, 3, 15);
        ConsentCheck halfPastMidnightInMoscow = new ConsentCheck(ConsentCheckSettings.defaults(),
                Clock.fixed(Instant.parse("2026-03-14T21:30:00Z"), ZoneOffset.UTC));
        assertThat(halfPastMidnightInMoscow.ageGroup(student(born))).isEqualTo(AgeGroup.FROM_14_TO_17);
        ConsentCheck beforeMidnightInMoscow = new ConsentCheck(ConsentCheckSettings.defaults(),
                Clock.fixed(Instant.parse("2026-03-14T20:30:00Z"), ZoneOffset.UTC));
        assertThat(beforeMidnightInMoscow.ageGroup(student(born))).isEqualTo(AgeGroup.UNDER_14);
    }

    @Test
    void theFourteenthBirthdayMovesAChildToTheTeenGroup() {
        assertThat(check.ageGroup(student(LocalDate.of(2012, 3, 1)))).isEqualTo(AgeGroup.FROM_14_TO_17);
        assertThat(check.ageGroup(student(LocalDate.of(2012, 3, 2)))).isEqualTo(AgeGroup.UNDER_14);
    }

    // --- failures ------------------------------------------------------------------------------------------

    @Test
    void anUnavailableSourceBlocksWithoutARequest() {
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.NONE);
        source.checkUnavailable = true;
        ConsentOutcome outcome = check.evaluate(student(CHILD_12), source, memory);
        assertThat(outcome.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(outcome.passes()).isFalse();
        assertThat(outcome.reason()).isEqualTo("fake source down");
        assertThat(source.requested).isEmpty();
    }

    @Test
    void aFailedRequestIsUnavailableAndMayBeRetriedInTheSameLogin() {
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.NONE);
        source.requestUnavailable = true;
        assertThat(check.evaluate(student(CHILD_12), source, memory).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(memory.requested()).isFalse();
        source.requestUnavailable = false;
        assertThat(check.evaluate(student(CHILD_12), source, memory).request()).isEqualTo(Request.CREATED);
    }

    @Test
    void aSourceThatThrowsAnythingElseIsUnavailableToo() {
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.NONE);
        source.checkFailsWith = new IllegalStateException("pool closed, oid 1000300105");
        ConsentOutcome outcome = check.evaluate(student(CHILD_12), source, memory);
        assertThat(outcome.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(outcome.reason()).isEqualTo("unexpected IllegalStateException").doesNotContain("1000300105");
    }

    @Test
    void aSourceWithoutAnAnswerIsUnavailable() {
        FakeConsentSource source = new FakeConsentSource();
        source.state = null;
        assertThat(check.evaluate(student(CHILD_12), source, memory).kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void aSourceThatIsNotInstalledIsAConfigurationErrorForStudents() {
        ConsentOutcome outcome = check.evaluate(student(CHILD_12), null, memory);
        assertThat(outcome.kind()).isEqualTo(Kind.MISCONFIGURED);
        assertThat(outcome.reason()).contains("'esia'");
    }

    @Test
    void aLoginWithoutAnEsiaPersonIsRefusedForStudents() {
        LoginFacts noOid = new LoginFacts(RegistryRole.STUDENT, "realm-1", "school-portal", "Школьный портал", null,
                CHILD_12, null, "t", "http://localhost:8081");
        FakeConsentSource source = FakeConsentSource.answering(ConsentStatus.GRANTED);
        assertThat(check.evaluate(noOid, source, memory).kind()).isEqualTo(Kind.NO_PERSON);
        assertThat(source.checked).isEmpty();
    }

    // --- approvals hook ------------------------------------------------------------------------------------

    @Test
    void aParentWithRequestsWaitingGetsTheApprovalFlag() {
        FakeConsentSource source = new FakeConsentSource();
        source.pendingApprovals = 2;
        ConsentOutcome outcome = check.evaluate(login(RegistryRole.PARENT, ADULT_19), source, memory);
        assertThat(outcome.kind()).isEqualTo(Kind.NOT_REQUIRED);
        assertThat(outcome.approvalsPending()).isTrue();
        assertThat(source.approvalLookups).extracting(a -> a.esiaOid()).containsExactly("1000300105");
        assertThat(source.approvalLookups.get(0).realmId()).isEqualTo("realm-1");
    }

    @Test
    void nothingWaitingMeansNoFlag() {
        assertThat(check.evaluate(login(RegistryRole.STAFF, ADULT_19), new FakeConsentSource(), memory).approvalsPending())
                .isFalse();
    }

    @Test
    void aFailingApprovalsLookupNeverBlocksTheLogin() {
        FakeConsentSource down = new FakeConsentSource();
        down.approvalsUnavailable = true;
        assertThat(check.evaluate(login(RegistryRole.PARENT, ADULT_19), down, memory))
                .extracting(ConsentOutcome::kind, ConsentOutcome::approvalsPending).containsExactly(Kind.NOT_REQUIRED, false);
        FakeConsentSource broken = new FakeConsentSource();
        broken.approvalsFailWith = new IllegalStateException("boom");
        assertThat(check.evaluate(login(RegistryRole.PARENT, ADULT_19), broken, memory).passes()).isTrue();
        assertThat(check.evaluate(login(RegistryRole.PARENT, ADULT_19), null, memory).passes()).isTrue();
    }

    @Test
    void studentsAreNotLookedUpForApprovals() {
        FakeConsentSource source = FakeConsentSource.granted(Grantor.SELF);
        source.pendingApprovals = 3;
        assertThat(check.evaluate(student(ADULT_19), source, memory).approvalsPending()).isFalse();
        assertThat(source.approvalLookups).isEmpty();
    }

    // --- self approval (registry-like sources) ------------------------------------------------------------

    @Test
    void anAdultWithASelfApprovalSourceIsOfferedTheConsentForm() {
        FakeSelfApprovalSource source = new FakeSelfApprovalSource();
        assertThat(check.evaluate(student(ADULT_19), source, memory).selfApproval()).isTrue();
        assertThat(check.evaluate(student(TEEN_15), source, new MemoryInNotes()).selfApproval()).isFalse();
        assertThat(check.evaluate(student(ADULT_19), FakeConsentSource.answering(ConsentStatus.NONE), new MemoryInNotes())
                .selfApproval()).isFalse();
    }

    @Test
    void theAdultsOwnConsentIsRecordedWithTheTextVersionAndLetsThemIn() {
        FakeSelfApprovalSource source = new FakeSelfApprovalSource();
        check.evaluate(student(ADULT_19), source, memory);
        ConsentOutcome outcome = check.approveSelf(student(ADULT_19), source, memory, ConsentIds.CONSENT_TEXT_VERSION);
        assertThat(outcome.kind()).isEqualTo(Kind.GRANTED);
        assertThat(outcome.grantor()).isEqualTo(Grantor.SELF);
        assertThat(source.approvedVersions).containsExactly(ConsentIds.CONSENT_TEXT_VERSION);
        assertThat(source.requested).hasSize(1);
    }

    @Test
    void aRefusedSelfApprovalShowsThePageAgainWithANotice() {
        FakeSelfApprovalSource source = new FakeSelfApprovalSource();
        source.refuse = true;
        ConsentOutcome outcome = check.approveSelf(student(ADULT_19), source, memory, ConsentIds.CONSENT_TEXT_VERSION);
        assertThat(outcome.kind()).isEqualTo(Kind.REQUIRED);
        assertThat(outcome.notice()).isEqualTo(Notice.SELF_REFUSED);
        assertThat(outcome.selfApproval()).isTrue();
    }

    @Test
    void anApprovalThatDoesNotGrantYetSaysNotYet() {
        FakeSelfApprovalSource source = new FakeSelfApprovalSource();
        source.grantOnApproval = false;
        assertThat(check.approveSelf(student(ADULT_19), source, memory, "v").notice()).isEqualTo(Notice.NOT_YET);
    }

    @Test
    void anOutageWhileApprovingIsUnavailable() {
        FakeSelfApprovalSource source = new FakeSelfApprovalSource();
        source.approveUnavailable = true;
        assertThat(check.approveSelf(student(ADULT_19), source, memory, "v").kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void aMinorOrASourceWithoutSelfApprovalCannotApproveOnThePage() {
        FakeSelfApprovalSource source = new FakeSelfApprovalSource();
        ConsentOutcome minor = check.approveSelf(student(TEEN_15), source, memory, "v");
        assertThat(minor.kind()).isEqualTo(Kind.REQUIRED);
        assertThat(source.approvedVersions).isEmpty();
        FakeConsentSource esiaLike = FakeConsentSource.answering(ConsentStatus.NONE);
        assertThat(check.approveSelf(student(ADULT_19), esiaLike, memory, "v").kind()).isEqualTo(Kind.REQUIRED);
        assertThat(esiaLike.requested).isEmpty();
    }

    /** What the check decided, as the login event records it (not the enum's constants read back). */
    private String eventDetail(FakeConsentSource source, String detail) {
        ConsentOutcome outcome = check.evaluate(student(TEEN_15), source, new MemoryInNotes());
        return ConsentStepPlan.of(outcome, "esia", "Школьный портал", false).details().get(detail);
    }

    @Test
    void theLoginEventRecordsWhatTheCheckDecided() {
        assertThat(eventDetail(FakeConsentSource.granted(Grantor.PARENT), ConsentStepPlan.DETAIL_CHECK)).isEqualTo("granted");
        assertThat(eventDetail(FakeConsentSource.answering(ConsentStatus.NONE), ConsentStepPlan.DETAIL_CHECK))
                .isEqualTo("required");
        assertThat(eventDetail(FakeConsentSource.answering(ConsentStatus.NONE), ConsentStepPlan.DETAIL_REQUEST))
                .isEqualTo("created");
        FakeConsentSource pending = FakeConsentSource.answering(ConsentStatus.NONE);
        pending.pendingAtSource = true;
        assertThat(eventDetail(pending, ConsentStepPlan.DETAIL_REQUEST)).isEqualTo("already_pending");
        FakeConsentSource down = FakeConsentSource.answering(ConsentStatus.NONE);
        down.checkUnavailable = true;
        assertThat(eventDetail(down, ConsentStepPlan.DETAIL_CHECK)).isEqualTo("unavailable");
    }

    @Test
    void loginFactsNeverPrintPersonalData() {
        assertThat(student(CHILD_12).toString()).doesNotContain("1000300105", "2013", "esia-token");
    }
}
