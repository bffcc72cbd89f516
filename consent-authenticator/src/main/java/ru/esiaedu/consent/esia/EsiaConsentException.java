package ru.esiaedu.consent.esia;

/**
 * ESIA's consent API gave no usable answer. Messages are technical (endpoint kind, HTTP status, what was wrong) and
 * never carry tokens, URLs with identifiers or response bodies, so they may be logged.
 */
public abstract class EsiaConsentException extends Exception {

    protected EsiaConsentException(String message, Throwable cause) {
        super(message, cause);
    }
}
