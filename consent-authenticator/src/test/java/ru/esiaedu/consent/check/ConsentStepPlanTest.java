package ru.esiaedu.consent.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.esiaedu.consent.check.ConsentOutcome.Notice;
import ru.esiaedu.consent.check.ConsentOutcome.Request;
import ru.esiaedu.consent.source.Grantor;
import ru.esiaedu.consent.source.RequestMail;
import ru.esiaedu.login.age.AgeGroup;

/** Outcome → events, page and attributes: exactly what the authenticator applies. */
class ConsentStepPlanTest {

    private static final String CLIENT = "Школьный портал (демо)";

    @Test
    void grantedPassesWithSourceAndGrantorInTheEvent() {
        ConsentStepPlan plan = ConsentStepPlan.of(ConsentOutcome.granted(AgeGroup.UNDER_14, Grantor.PARENT), "esia", CLIENT, false);
        assertThat(plan.pass()).isTrue();
        assertThat(plan.loginError()).isNull();
        assertThat(plan.template()).isNull();
        assertThat(plan.details()).containsExactly(Map.entry("consent_check", "granted"), Map.entry("consent_source", "esia"),
                Map.entry("consent_grantor", "PARENT"));
        assertThat(plan.addApprovalAction()).isFalse();
    }

    @Test
    void grantedByAnUnknownGrantorHasNoGrantorDetail() {
        assertThat(ConsentStepPlan.of(ConsentOutcome.granted(AgeGroup.ADULT, null), "registry", CLIENT, false).details())
                .doesNotContainKey("consent_grantor");
    }

    @Test
    void aBlockedMinorSeesTheRequiredPageAndALoginErrorIsWritten() {
        ConsentStepPlan plan = ConsentStepPlan.of(
                ConsentOutcome.required(AgeGroup.FROM_14_TO_17, Request.CREATED, false, Notice.NONE), "esia", CLIENT, false);
        assertThat(plan.pass()).isFalse();
        assertThat(plan.loginError()).isEqualTo("consent_required");
        assertThat(plan.template()).isEqualTo("esia-consent-required.ftl");
        assertThat(plan.errorPage()).isFalse();
        assertThat(plan.details()).containsExactly(Map.entry("consent_check", "required"), Map.entry("consent_source", "esia"),
                Map.entry("consent_request", "created"));
        assertThat(plan.attributes()).containsEntry("esiaConsentMinor", true).containsEntry("esiaConsentChannel", "gosuslugi")
                .containsEntry("esiaConsentSelfApproval", false).containsEntry("esiaConsentOperator", CLIENT);
        assertThat(plan.error()).isNull();
        assertThat(plan.info()).isNull();
    }

    @Test
    void aMailThatDidNotGoIsAnEventDetailAndThePageSaysSo() {
        ConsentOutcome failed = ConsentOutcome.required(AgeGroup.UNDER_14, Request.CREATED, false, Notice.NONE)
                .withMail(RequestMail.FAILED, true);
        ConsentStepPlan plan = ConsentStepPlan.of(failed, "registry", CLIENT, false);
        assertThat(plan.details()).containsEntry("consent_mail", "failed");
        assertThat(plan.attributes()).containsEntry("esiaConsentMailFailed", true).containsEntry("esiaConsentResend", true);

        ConsentStepPlan later = ConsentStepPlan.of(ConsentOutcome.required(AgeGroup.UNDER_14, Request.ALREADY_PENDING,
                false, Notice.NONE).withMail(RequestMail.SENT, true), "registry", CLIENT, false);
        assertThat(later.details()).containsEntry("consent_mail", "sent");
        assertThat(later.attributes()).containsEntry("esiaConsentMailFailed", false);
    }

    @Test
    void aRecheckDoesNotRepeatTheMailDetailButThePageKeepsSayingIt() {
        ConsentStepPlan plan = ConsentStepPlan.of(ConsentOutcome.required(AgeGroup.UNDER_14, Request.NONE, false,
                Notice.NOT_YET).withMail(RequestMail.FAILED, true), "registry", CLIENT, false);
        assertThat(plan.details()).doesNotContainKey("consent_mail");
        assertThat(plan.attributes()).containsEntry("esiaConsentMailFailed", true);
    }

    @Test
    void whatResendingDidIsTheInformationLineAndTheEvent() {
        Map<RequestMail, String> infos = Map.of(RequestMail.SENT, "esiaConsentResent",
                RequestMail.TOO_SOON, "esiaConsentResendLater", RequestMail.NO_ADDRESS, "esiaConsentNoAddress");
        infos.forEach((mail, info) -> {
            ConsentStepPlan plan = ConsentStepPlan.of(ConsentOutcome.required(AgeGroup.UNDER_14, Request.NONE, false,
                    Notice.RESEND).withMail(mail, true), "registry", CLIENT, false);
            assertThat(plan.info()).as(mail.name()).isEqualTo(info);
            assertThat(plan.details()).containsEntry("consent_mail", mail.eventValue());
        });
    }

    @Test
    void gosuslugiNeverOffersToResendAnEmail() {
        ConsentStepPlan plan = ConsentStepPlan.of(ConsentOutcome.required(AgeGroup.UNDER_14, Request.CREATED, false,
                Notice.NONE).withMail(RequestMail.NONE, true), "esia", CLIENT, false);
        assertThat(plan.attributes()).containsEntry("esiaConsentResend", false).containsEntry("esiaConsentMailFailed", false);
        assertThat(plan.details()).doesNotContainKey("consent_mail");
    }

    @Test
    void anAlreadyPendingRequestIsSaidSo() {
        assertThat(ConsentStepPlan.of(ConsentOutcome.required(AgeGroup.ADULT, Request.ALREADY_PENDING, false, Notice.NONE),
                "esia", CLIENT, false).details()).containsEntry("consent_request", "already_pending");
    }

    @Test
    void aRecheckHasNoRequestDetailAndSaysNotYet() {
        ConsentStepPlan plan = ConsentStepPlan.of(ConsentOutcome.required(AgeGroup.ADULT, Request.NONE, false, Notice.NOT_YET),
                "esia", CLIENT, false);
        assertThat(plan.details()).doesNotContainKey("consent_request");
        assertThat(plan.info()).isEqualTo("esiaConsentNotYet");
        assertThat(plan.attributes()).containsEntry("esiaConsentMinor", false);
    }

    @Test
    void theRegistrySourceGetsThePlatformWordingAndSelfApproval() {
        ConsentStepPlan plan = ConsentStepPlan.of(ConsentOutcome.required(AgeGroup.ADULT, Request.CREATED, true, Notice.NONE),
                "registry", CLIENT, false);
        assertThat(plan.attributes()).containsEntry("esiaConsentChannel", "platform").containsEntry("esiaConsentSelfApproval", true);
    }

    @Test
    void aMissingTickAndARefusalAreErrorsOnThePage() {
        assertThat(ConsentStepPlan.of(ConsentOutcome.required(AgeGroup.ADULT, Request.NONE, true, Notice.NOT_YET),
                "registry", CLIENT, true)).extracting(ConsentStepPlan::error, ConsentStepPlan::info)
                .containsExactly("esiaConsentAgreeRequired", null);
        assertThat(ConsentStepPlan.of(ConsentOutcome.required(AgeGroup.ADULT, Request.NONE, true, Notice.SELF_REFUSED),
                "registry", CLIENT, false).error()).isEqualTo("esiaConsentSelfRefused");
    }

    @Test
    void anOutageShowsTheUnavailablePageAndALoginError() {
        ConsentStepPlan plan = ConsentStepPlan.of(ConsentOutcome.unavailable(AgeGroup.UNDER_14, "timed out"), "esia", CLIENT, false);
        assertThat(plan.pass()).isFalse();
        assertThat(plan.template()).isEqualTo("esia-consent-unavailable.ftl");
        assertThat(plan.loginError()).isEqualTo("consent_source_unavailable");
        assertThat(plan.details()).containsExactly(Map.entry("consent_check", "unavailable"), Map.entry("consent_source", "esia"));
    }

    @Test
    void aMissingSourceOrPersonEndsOnAnErrorPage() {
        ConsentStepPlan misconfigured = ConsentStepPlan.of(ConsentOutcome.misconfigured("x"), "registry", CLIENT, false);
        assertThat(misconfigured.errorPage()).isTrue();
        assertThat(misconfigured.error()).isEqualTo("esiaConsentMisconfigured");
        assertThat(misconfigured.loginError()).isEqualTo("consent_misconfigured");
        ConsentStepPlan noPerson = ConsentStepPlan.of(ConsentOutcome.noPerson(), "esia", CLIENT, false);
        assertThat(noPerson.errorPage()).isTrue();
        assertThat(noPerson.error()).isEqualTo("esiaLinkerNoPerson");
        assertThat(noPerson.loginError()).isEqualTo("consent_no_person");
    }

    @Test
    void parentsPassAndGetTheApprovalActionOnlyWhenRequestsWait() {
        ConsentStepPlan waiting = ConsentStepPlan.of(ConsentOutcome.notRequired(true), "registry", CLIENT, false);
        assertThat(waiting.pass()).isTrue();
        assertThat(waiting.addApprovalAction()).isTrue();
        assertThat(waiting.details()).containsEntry("consent_check", "not_required").containsEntry("consent_approvals", "pending");
        ConsentStepPlan nothing = ConsentStepPlan.of(ConsentOutcome.notRequired(false), "esia", CLIENT, false);
        assertThat(nothing.addApprovalAction()).isFalse();
        assertThat(nothing.details()).containsExactly(Map.entry("consent_check", "not_required"));
    }

    @Test
    void noPersonalDataCanReachTheEventDetails() {
        for (ConsentOutcome outcome : new ConsentOutcome[] {ConsentOutcome.granted(AgeGroup.ADULT, Grantor.SELF),
                ConsentOutcome.required(AgeGroup.ADULT, Request.CREATED, true, Notice.NONE),
                ConsentOutcome.unavailable(AgeGroup.ADULT, "ESIA consent status: timed out"), ConsentOutcome.notRequired(true)}) {
            assertThat(ConsentStepPlan.of(outcome, "esia", CLIENT, false).details().keySet())
                    .allMatch(key -> key.startsWith("consent_"));
            assertThat(ConsentStepPlan.of(outcome, "esia", CLIENT, false).details().values())
                    .allMatch(value -> value.matches("[a-z_]+|PARENT|SELF"));
        }
    }

    @Test
    void thePageWordingFollowsTheSource() {
        assertThat(ConsentStepPlan.channel("esia")).isEqualTo("gosuslugi");
        assertThat(ConsentStepPlan.channel("registry")).isEqualTo("platform");
    }
}
