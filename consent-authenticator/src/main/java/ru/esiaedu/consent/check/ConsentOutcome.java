package ru.esiaedu.consent.check;

import java.util.Locale;

import ru.esiaedu.consent.source.Grantor;
import ru.esiaedu.consent.source.RequestMail;
import ru.esiaedu.login.age.AgeGroup;

/**
 * What the consent check decided for one login.
 *
 * @param kind             the decision
 * @param ageGroup         the student's age group (null when the role needs no consent)
 * @param grantor          who granted the consent, when the source says ({@link Kind#GRANTED} only)
 * @param request          what happened to the consent request in this step
 * @param selfApproval     the page may offer «Даю согласие» (adult student, source with self approval)
 * @param approvalsPending a person whose role needs no consent has requests waiting for their decision
 * @param notice           a message for the page besides the main text
 * @param reason           technical reason for logs ({@link Kind#UNAVAILABLE}, {@link Kind#MISCONFIGURED}); never
 *                         personal data
 * @param mail             what became of the request's e-mail in this step ({@link Kind#REQUIRED})
 * @param resendable       the page may offer «Отправить письмо ещё раз» (the source mails requests itself)
 */
public record ConsentOutcome(Kind kind, AgeGroup ageGroup, Grantor grantor, Request request, boolean selfApproval,
        boolean approvalsPending, Notice notice, String reason, RequestMail mail, boolean resendable) {

    public ConsentOutcome {
        mail = mail == null ? RequestMail.NONE : mail;
    }

    ConsentOutcome(Kind kind, AgeGroup ageGroup, Grantor grantor, Request request, boolean selfApproval,
                   boolean approvalsPending, Notice notice, String reason) {
        this(kind, ageGroup, grantor, request, selfApproval, approvalsPending, notice, reason, RequestMail.NONE, false);
    }

    ConsentOutcome withNotice(Notice newNotice) {
        return new ConsentOutcome(kind, ageGroup, grantor, request, selfApproval, approvalsPending, newNotice, reason,
                mail, resendable);
    }

    ConsentOutcome withMail(RequestMail newMail, boolean canResend) {
        return new ConsentOutcome(kind, ageGroup, grantor, request, selfApproval, approvalsPending, notice, reason,
                newMail, canResend);
    }

    public enum Kind {
        /** The login's role needs no consent: pass. */
        NOT_REQUIRED,
        /** A valid consent exists: pass. */
        GRANTED,
        /** No valid consent: show «нужно согласие» (the request is sent). */
        REQUIRED,
        /** The source did not answer: show «попробуйте позже»; nothing assumed. */
        UNAVAILABLE,
        /** The configured source is not installed. */
        MISCONFIGURED,
        /** The login carries no ESIA person (oid). */
        NO_PERSON,
        /** ESIA's birth date and the student account's differ: refused, nothing requested. */
        BIRTH_DATE_MISMATCH;

        /** The value of the event detail {@code consent_check}. */
        public String eventValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Event detail {@code consent_request}. */
    public enum Request {
        /** No request in this step (granted, a re-check, an outage). */
        NONE,
        /** The source created a new request and notified people. */
        CREATED,
        /** A request was already open (at the source, or already sent in this login). */
        ALREADY_PENDING;

        public String eventValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Notice {
        NONE,
        /** «Согласие пока не получено» after «Согласие получено — войти» or «Даю согласие». */
        NOT_YET,
        /** The source refused the adult's own consent. */
        SELF_REFUSED,
        /** «Отправить письмо ещё раз» was pressed (the page says what became of the mail). */
        RESEND
    }

    public boolean passes() {
        return kind == Kind.NOT_REQUIRED || kind == Kind.GRANTED;
    }

    static ConsentOutcome notRequired(boolean approvalsPending) {
        return new ConsentOutcome(Kind.NOT_REQUIRED, null, null, Request.NONE, false, approvalsPending, Notice.NONE, null);
    }

    static ConsentOutcome granted(AgeGroup ageGroup, Grantor grantor) {
        return new ConsentOutcome(Kind.GRANTED, ageGroup, grantor, Request.NONE, false, false, Notice.NONE, null);
    }

    static ConsentOutcome required(AgeGroup ageGroup, Request request, boolean selfApproval, Notice notice) {
        return new ConsentOutcome(Kind.REQUIRED, ageGroup, null, request, selfApproval, false, notice, null);
    }

    static ConsentOutcome unavailable(AgeGroup ageGroup, String reason) {
        return new ConsentOutcome(Kind.UNAVAILABLE, ageGroup, null, Request.NONE, false, false, Notice.NONE, reason);
    }

    static ConsentOutcome misconfigured(String reason) {
        return new ConsentOutcome(Kind.MISCONFIGURED, null, null, Request.NONE, false, false, Notice.NONE, reason);
    }

    static ConsentOutcome birthDateMismatch(AgeGroup group) {
        return new ConsentOutcome(Kind.BIRTH_DATE_MISMATCH, group, null, Request.NONE, false, false, Notice.NONE,
                "ESIA's birth date and the student account's differ");
    }

    static ConsentOutcome noPerson() {
        return new ConsentOutcome(Kind.NO_PERSON, null, null, Request.NONE, false, false, Notice.NONE,
                "no ESIA oid in this login");
    }
}
