package ru.esiaedu.consent.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import ru.esiaedu.consent.ConsentIds;
import ru.esiaedu.consent.source.RequestMail;

/**
 * What the step does with a {@link ConsentOutcome}: pass or show which page with which attributes and message, the
 * event details (no personal data), the LOGIN_ERROR code of a blocked attempt, and whether the approval required
 * action is added. Pure, so the whole mapping is unit-tested; the authenticator only applies it.
 *
 * @param pass               call {@code success()}
 * @param addApprovalAction  add the required action {@link ConsentIds#APPROVAL_REQUIRED_ACTION}
 * @param details            event details for the flow's event
 * @param loginError         error of the LOGIN_ERROR event written for a blocked attempt; null when passing
 * @param template           the page to show; null when passing or for an {@link #errorPage}
 * @param errorPage          Keycloak's error page with {@link #error} instead of a template
 * @param attributes         page attributes
 * @param error              message key shown as an error; null for none
 * @param info               message key shown as information; null for none
 */
public record ConsentStepPlan(boolean pass, boolean addApprovalAction, Map<String, String> details, String loginError,
        String template, boolean errorPage, Map<String, Object> attributes, String error, String info) {

    public static final String PAGE_REQUIRED = "esia-consent-required.ftl";
    public static final String PAGE_UNAVAILABLE = "esia-consent-unavailable.ftl";

    public static final String DETAIL_CHECK = "consent_check";
    public static final String DETAIL_SOURCE = "consent_source";
    public static final String DETAIL_GRANTOR = "consent_grantor";
    public static final String DETAIL_REQUEST = "consent_request";
    public static final String DETAIL_APPROVALS = "consent_approvals";
    /** What became of the request's e-mail in this step ({@code sent}, {@code failed}, {@code too_soon}, …). */
    public static final String DETAIL_MAIL = "consent_mail";

    public static final String ERROR_REQUIRED = "consent_required";
    public static final String ERROR_UNAVAILABLE = "consent_source_unavailable";
    public static final String ERROR_MISCONFIGURED = "consent_misconfigured";
    public static final String ERROR_NO_PERSON = "consent_no_person";
    public static final String ERROR_BIRTH_DATE_MISMATCH = "consent_birth_date_mismatch";

    /** Page channel: the wording of the notices («на портале Госуслуг» for ESIA; e-mail and the platform otherwise). */
    public static final String CHANNEL_GOSUSLUGI = "gosuslugi";
    public static final String CHANNEL_PLATFORM = "platform";

    public ConsentStepPlan {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * @param agreeMissing «Даю согласие» was pressed without ticking the box
     */
    public static ConsentStepPlan of(ConsentOutcome outcome, String sourceId, String clientName, boolean agreeMissing) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put(DETAIL_CHECK, outcome.kind().eventValue());
        switch (outcome.kind()) {
            case NOT_REQUIRED:
                if (outcome.approvalsPending()) {
                    details.put(DETAIL_SOURCE, sourceId);
                    details.put(DETAIL_APPROVALS, "pending");
                }
                return new ConsentStepPlan(true, outcome.approvalsPending(), details, null, null, false, Map.of(), null, null);
            case GRANTED:
                details.put(DETAIL_SOURCE, sourceId);
                if (outcome.grantor() != null) {
                    details.put(DETAIL_GRANTOR, outcome.grantor().name());
                }
                return new ConsentStepPlan(true, false, details, null, null, false, Map.of(), null, null);
            case REQUIRED:
                details.put(DETAIL_SOURCE, sourceId);
                if (outcome.request() != ConsentOutcome.Request.NONE) {
                    details.put(DETAIL_REQUEST, outcome.request().eventValue());
                }
                boolean mailedInThisStep = outcome.request() != ConsentOutcome.Request.NONE
                        || outcome.notice() == ConsentOutcome.Notice.RESEND;
                if (mailedInThisStep && outcome.mail() != RequestMail.NONE) {
                    details.put(DETAIL_MAIL, outcome.mail().eventValue());
                }
                Map<String, Object> attributes = new LinkedHashMap<>();
                attributes.put("esiaConsentMinor", outcome.ageGroup() == null || outcome.ageGroup().isMinor());
                attributes.put("esiaConsentChannel", channel(sourceId));
                attributes.put("esiaConsentSelfApproval", outcome.selfApproval());
                attributes.put("esiaConsentOperator", clientName == null ? "" : clientName);
                attributes.put("esiaConsentMailFailed", outcome.mail() == RequestMail.FAILED);
                attributes.put("esiaConsentResend", outcome.resendable() && CHANNEL_PLATFORM.equals(channel(sourceId)));
                String error = agreeMissing ? "esiaConsentAgreeRequired"
                        : outcome.notice() == ConsentOutcome.Notice.SELF_REFUSED ? "esiaConsentSelfRefused" : null;
                String info = error == null ? info(outcome) : null;
                return new ConsentStepPlan(false, false, details, ERROR_REQUIRED, PAGE_REQUIRED, false, attributes, error, info);
            case UNAVAILABLE:
                details.put(DETAIL_SOURCE, sourceId);
                return new ConsentStepPlan(false, false, details, ERROR_UNAVAILABLE, PAGE_UNAVAILABLE, false, Map.of(), null, null);
            case MISCONFIGURED:
                details.put(DETAIL_SOURCE, sourceId);
                return new ConsentStepPlan(false, false, details, ERROR_MISCONFIGURED, null, true, Map.of(),
                        "esiaConsentMisconfigured", null);
            case BIRTH_DATE_MISMATCH:
                return new ConsentStepPlan(false, false, details, ERROR_BIRTH_DATE_MISMATCH, null, true, Map.of(),
                        "esiaConsentBirthDateMismatch", null);
            case NO_PERSON:
            default:
                return new ConsentStepPlan(false, false, details, ERROR_NO_PERSON, null, true, Map.of(), "esiaLinkerNoPerson", null);
        }
    }

    /** The information line: «Согласие пока не получено», or what «Отправить письмо ещё раз» did. */
    private static String info(ConsentOutcome outcome) {
        if (outcome.notice() == ConsentOutcome.Notice.NOT_YET) {
            return "esiaConsentNotYet";
        }
        if (outcome.notice() != ConsentOutcome.Notice.RESEND) {
            return outcome.mail() == RequestMail.NO_ADDRESS ? "esiaConsentNoAddress" : null;
        }
        return switch (outcome.mail()) {
            case SENT -> "esiaConsentResent";
            case TOO_SOON, ALREADY_SENT -> "esiaConsentResendLater";
            case NO_ADDRESS -> "esiaConsentNoAddress";
            // FAILED: the page's main text says it; NONE: nothing pending to mail
            default -> null;
        };
    }

    static String channel(String sourceId) {
        return ConsentIds.SOURCE_ESIA.equals(sourceId) ? CHANNEL_GOSUSLUGI : CHANNEL_PLATFORM;
    }
}
