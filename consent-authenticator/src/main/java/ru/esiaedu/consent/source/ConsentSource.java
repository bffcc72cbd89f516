package ru.esiaedu.consent.source;

import org.keycloak.provider.Provider;

/**
 * Where a student's consent for one client system is kept and asked for. The consent-check step calls
 * {@link #check} at every student login and, when no valid consent exists, {@link #request}; a source must make
 * {@code request} idempotent while a request is still open (a repeated attempt must not notify parents twice).
 */
public interface ConsentSource extends Provider {

    ConsentState check(ConsentSubject subject) throws ConsentSourceUnavailableException;

    ConsentRequestOutcome request(ConsentSubject subject) throws ConsentSourceUnavailableException;

    /**
     * {@link #request(ConsentSubject)} with the purpose the consent-check step is configured with («Вход учащегося в
     * электронный дневник»), for sources that pass it on to whoever is asked (ESIA). Sources that word their requests
     * themselves need not override this.
     */
    default ConsentRequestOutcome request(ConsentSubject subject, String purpose) throws ConsentSourceUnavailableException {
        return request(subject);
    }

    /**
     * Requests that wait for this person's decision inside the platform itself (the {@code registry} source);
     * sources whose approvals happen elsewhere (ESIA: in Gosuslugi) answer 0.
     */
    default int pendingApprovals(ConsentApprover approver) throws ConsentSourceUnavailableException {
        return 0;
    }

    @Override
    default void close() {
    }
}
