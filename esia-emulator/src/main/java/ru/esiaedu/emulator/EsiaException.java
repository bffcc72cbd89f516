package ru.esiaedu.emulator;

/** An ESIA protocol error: OAuth {@code error} plus ESIA code and Russian text. */
final class EsiaException extends Exception {
    final String error;
    final String code;
    final String text;

    EsiaException(String error, String code, String text) {
        super(code + ": " + text, null, false, false);
        this.error = error;
        this.code = code;
        this.text = text;
    }

    /** The {@code error_description} value, e.g. {@code ESIA-007004: Отказ пользователя}. */
    String description() {
        return code + ": " + text;
    }

    static EsiaException invalidRequest(String code, String text) {
        return new EsiaException("invalid_request", code, text);
    }
}
