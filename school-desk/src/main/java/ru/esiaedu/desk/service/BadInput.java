package ru.esiaedu.desk.service;

/**
 * A request the desk refuses before touching the registry (answered 400 with {@link #code()} and its Russian text);
 * nothing is written.
 */
public final class BadInput extends RuntimeException {

    private final String code;

    public BadInput(String code) {
        super(code, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
