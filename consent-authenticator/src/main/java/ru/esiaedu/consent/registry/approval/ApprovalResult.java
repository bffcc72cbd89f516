package ru.esiaedu.consent.registry.approval;

import java.util.Optional;

import ru.esiaedu.consent.access.StudentAccess;

/**
 * What a button did: the flash message to show (a message key of the login theme), whether it is a success or an
 * error, and the event to record (none when nothing changed, e.g. a double submit).
 */
public record ApprovalResult(Outcome outcome, String messageKey, ConsentEvent event, StudentAccess accessToEnd) {

    public ApprovalResult(Outcome outcome, String messageKey, ConsentEvent event) {
        this(outcome, messageKey, event, null);
    }

    /**
     * The student's access a revocation ends (their sessions and offline tokens of the client). Also after a repeated
     * «Отозвать» or a revocation by the other parent: ending is idempotent, so a first attempt cut short is finished.
     */
    public Optional<StudentAccess> accessToEndNow() {
        return Optional.ofNullable(accessToEnd);
    }

    ApprovalResult ending(StudentAccess access) {
        return new ApprovalResult(outcome, messageKey, event, access);
    }

    public enum Outcome {
        /** Something changed: consent granted, request declined, consent revoked. */
        DONE,
        /** Already in the state asked for (double submit, back button): same message, no event. */
        UNCHANGED,
        /** Not addressed to this person, not theirs, or no such id: refused. */
        REFUSED,
        /** The other parent decided first. */
        ALREADY_DECIDED
    }

    public static final String GRANTED = "esiaConsentApprovalGranted";
    public static final String DECLINED = "esiaConsentApprovalDeclined";
    public static final String REVOKED = "esiaConsentApprovalRevoked";
    public static final String NOT_YOURS = "esiaConsentApprovalNotYours";
    public static final String ALREADY = "esiaConsentApprovalAlreadyDecided";

    public boolean success() {
        return outcome == Outcome.DONE || outcome == Outcome.UNCHANGED;
    }

    public Optional<ConsentEvent> eventToRecord() {
        return Optional.ofNullable(event);
    }

    static ApprovalResult done(String key, ConsentEvent event) {
        return new ApprovalResult(Outcome.DONE, key, event);
    }

    static ApprovalResult unchanged(String key) {
        return new ApprovalResult(Outcome.UNCHANGED, key, null);
    }

    static ApprovalResult refused() {
        return new ApprovalResult(Outcome.REFUSED, NOT_YOURS, null);
    }

    static ApprovalResult alreadyDecided() {
        return new ApprovalResult(Outcome.ALREADY_DECIDED, ALREADY, null);
    }
}
