package ru.esiaedu.esia.token;

import java.util.Objects;

/** An ESIA token was rejected. The message is safe to log: it never contains the token or its claims' values. */
public class EsiaTokenException extends Exception {

    public enum Reason {
        MALFORMED, UNSUPPORTED_ALGORITHM, BAD_SIGNATURE, WRONG_ISSUER, WRONG_AUDIENCE, EXPIRED, NOT_YET_VALID,
        MISSING_SUBJECT
    }

    private final Reason reason;

    public EsiaTokenException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public EsiaTokenException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
