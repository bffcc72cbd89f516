package ru.esiaedu.consent.source;

/** The source could not answer (down, slow, garbage): the login stops with «попробуйте позже», nothing is assumed. */
public class ConsentSourceUnavailableException extends Exception {

    public ConsentSourceUnavailableException(String message) {
        super(message);
    }

    public ConsentSourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
