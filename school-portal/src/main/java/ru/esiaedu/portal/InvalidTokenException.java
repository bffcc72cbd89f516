package ru.esiaedu.portal;

/** An ID token the portal must not accept; the message says which check failed (never the token). */
public final class InvalidTokenException extends Exception {

    public InvalidTokenException(String message) {
        super(message);
    }

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
