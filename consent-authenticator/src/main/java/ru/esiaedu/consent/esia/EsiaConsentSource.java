package ru.esiaedu.consent.esia;

import ru.esiaedu.consent.source.ConsentRequestOutcome;
import ru.esiaedu.consent.source.ConsentSource;
import ru.esiaedu.consent.source.ConsentSourceUnavailableException;
import ru.esiaedu.consent.source.ConsentState;
import ru.esiaedu.consent.source.ConsentSubject;

/**
 * Consent source {@code esia}: consents live in Gosuslugi. The student's access token of this login is the only
 * credential (the adapter's assumption 2), so without it nothing can be asked and the login stops as "unavailable".
 * Approvals happen in Gosuslugi, so {@link #pendingApprovals} keeps the interface's 0.
 */
public final class EsiaConsentSource implements ConsentSource {

    /** Used when a caller does not pass the step's configured purpose. */
    public static final String DEFAULT_PURPOSE = "Вход учащегося в электронный дневник";

    private final EsiaConsentClient client;

    public EsiaConsentSource(EsiaConsentClient client) {
        this.client = client;
    }

    @Override
    public ConsentState check(ConsentSubject subject) throws ConsentSourceUnavailableException {
        requireCredentials(subject);
        try {
            return client.status(subject.esiaBaseUrl(), subject.esiaAccessToken());
        } catch (EsiaConsentException e) {
            throw unavailable(e);
        }
    }

    @Override
    public ConsentRequestOutcome request(ConsentSubject subject) throws ConsentSourceUnavailableException {
        return request(subject, DEFAULT_PURPOSE);
    }

    @Override
    public ConsentRequestOutcome request(ConsentSubject subject, String purpose) throws ConsentSourceUnavailableException {
        requireCredentials(subject);
        String text = purpose == null || purpose.isBlank() ? DEFAULT_PURPOSE : purpose.strip();
        try {
            return client.request(subject.esiaBaseUrl(), subject.esiaAccessToken(), text, subject.clientName());
        } catch (EsiaConsentException e) {
            throw unavailable(e);
        }
    }

    private static void requireCredentials(ConsentSubject subject) throws ConsentSourceUnavailableException {
        if (subject.esiaAccessToken() == null || subject.esiaAccessToken().isBlank()) {
            throw new ConsentSourceUnavailableException("no ESIA access token in this login: ESIA cannot be asked");
        }
        if (subject.esiaBaseUrl() == null || subject.esiaBaseUrl().isBlank()) {
            throw new ConsentSourceUnavailableException("no ESIA base URL for this login: ESIA cannot be asked");
        }
    }

    private static ConsentSourceUnavailableException unavailable(EsiaConsentException e) {
        return new ConsentSourceUnavailableException(e.getMessage(), e);
    }
}
