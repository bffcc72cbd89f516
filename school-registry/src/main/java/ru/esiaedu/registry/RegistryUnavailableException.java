package ru.esiaedu.registry;

/** The registry is down, too slow (query or login timeout) or broken. Messages never carry personal data. */
public class RegistryUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public RegistryUnavailableException() {
        super("school registry unavailable");
    }

    public RegistryUnavailableException(String message) {
        super(message);
    }

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
