package ru.esiaedu.esia.api;

/**
 * A call to ESIA's token endpoint or person API failed.
 *
 * <p>The message is English and safe to log: it names the endpoint kind, the HTTP status and the
 * ESIA error code only, never tokens, identifiers or personal data (152-ФЗ).
 */
public class EsiaApiException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, coarse enough to pick a user-facing page. */
    public enum Kind {
        /** Connection refused/reset, DNS failure, HTTP 5xx or 429: try again later. */
        UNAVAILABLE,
        /** Connect or read timeout. */
        TIMEOUT,
        /** ESIA answered with an error (OAuth error JSON or another 4xx). */
        ESIA_ERROR,
        /** HTTP 403 / ESIA-005029: the needed scope was not granted. */
        FORBIDDEN,
        /** HTTP 401: the access token was rejected. */
        UNAUTHORIZED,
        /** The answer is not JSON, or misses required fields, or has fields of the wrong type. */
        MALFORMED_RESPONSE
    }

    private final Kind kind;
    private final int httpStatus;
    private final String error;
    private final String esiaCode;

    public EsiaApiException(Kind kind, String message) {
        this(kind, message, 0, null, null, null);
    }

    public EsiaApiException(Kind kind, String message, Throwable cause) {
        this(kind, message, 0, null, null, cause);
    }

    public EsiaApiException(Kind kind, String message, int httpStatus, String error, String esiaCode,
            Throwable cause) {
        super(message, cause);
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.error = error;
        this.esiaCode = esiaCode;
    }

    public Kind kind() {
        return kind;
    }

    /** ESIA error code such as {@code ESIA-007011}, or null when ESIA gave none. */
    public String esiaCode() {
        return esiaCode;
    }

    /** OAuth {@code error} value (e.g. {@code invalid_grant}), or null. */
    public String error() {
        return error;
    }

    /** HTTP status of ESIA's answer, or 0 when there was no answer (timeout, connection failure). */
    public int httpStatus() {
        return httpStatus;
    }

    /** Shortcut for {@link EsiaErrorCode#categorize(String, String)} of this error. */
    public EsiaErrorCode.Category category() {
        if (kind == Kind.UNAVAILABLE || kind == Kind.TIMEOUT) {
            return EsiaErrorCode.Category.ESIA_UNAVAILABLE;
        }
        return EsiaErrorCode.categorize(esiaCode, error);
    }
}
