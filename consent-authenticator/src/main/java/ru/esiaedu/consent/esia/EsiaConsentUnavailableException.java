package ru.esiaedu.consent.esia;

/** ESIA down, slow, answering 5xx / unexpected statuses or something that is not the adapter's JSON. */
public final class EsiaConsentUnavailableException extends EsiaConsentException {

    public EsiaConsentUnavailableException(String message) {
        super(message, null);
    }

    public EsiaConsentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
