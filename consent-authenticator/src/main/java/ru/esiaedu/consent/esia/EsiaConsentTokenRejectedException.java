package ru.esiaedu.consent.esia;

/**
 * ESIA answered {@code 401}: the student's access token of this login is expired or was not issued to this client
 * system. Asking again with the same token will not help; a new ESIA login brings a new one.
 */
public final class EsiaConsentTokenRejectedException extends EsiaConsentException {

    public EsiaConsentTokenRejectedException(String message) {
        super(message, null);
    }
}
