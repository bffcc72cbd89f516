package ru.esiaedu.consent.source;

/**
 * Implemented by sources where an adult student can give their own consent on the platform's page at login
 * (the {@code registry} source); ESIA's consents are given in Gosuslugi instead.
 */
public interface SelfApproval {

    /**
     * Records the adult student's own consent, shown as {@code textVersion}; idempotent on double submit.
     *
     * @return false when the source refuses (e.g. no open request for this student)
     */
    boolean approveSelf(ConsentSubject subject, String textVersion) throws ConsentSourceUnavailableException;
}
