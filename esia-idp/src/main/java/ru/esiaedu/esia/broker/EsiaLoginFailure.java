package ru.esiaedu.esia.broker;

/**
 * A login through ESIA that cannot go on. Carries the message key of the Russian text the person sees
 * and an English reason for the log and the audit event — never personal data or tokens.
 */
final class EsiaLoginFailure extends Exception {

    private final String messageKey;
    private final String reason;

    EsiaLoginFailure(String messageKey, String reason) {
        super(reason);
        this.messageKey = messageKey;
        this.reason = reason;
    }

    EsiaLoginFailure(String messageKey, String reason, Throwable cause) {
        super(reason, cause);
        this.messageKey = messageKey;
        this.reason = reason;
    }

    String messageKey() {
        return messageKey;
    }

    String reason() {
        return reason;
    }
}
