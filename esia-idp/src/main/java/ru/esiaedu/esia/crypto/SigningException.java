package ru.esiaedu.esia.crypto;

/** A request could not be signed (bad key, signing service down or answering garbage). Message is safe to log. */
public class SigningException extends Exception {

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
