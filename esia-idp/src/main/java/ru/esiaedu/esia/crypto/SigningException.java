package ru.esiaedu.esia.crypto;

/** A request could not be signed (bad key, signing service down or answering garbage). Message is safe to log. */
public class SigningException extends Exception {

    private final boolean serviceUnavailable;

    public SigningException(String message) {
        this(message, null, false);
    }

    public SigningException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private SigningException(String message, Throwable cause, boolean serviceUnavailable) {
        super(message, cause);
        this.serviceUnavailable = serviceUnavailable;
    }

    /**
     * The signing service did not answer in time, refused the connection or said it is overloaded or down (HTTP 5xx,
     * 429): an outage the person can wait out, not a setting an operator must fix.
     */
    public static SigningException serviceUnavailable(String message, Throwable causeOrNull) {
        return new SigningException(message, causeOrNull, true);
    }

    /** See {@link #serviceUnavailable(String, Throwable)}. */
    public boolean serviceUnavailable() {
        return serviceUnavailable;
    }
}
