package ru.esiaedu.registry;

/** Down, slow (timeout), broken. CONTRACT STUB (replaced by the school-registry branch). */
public class RegistryUnavailableException extends Exception {
    public RegistryUnavailableException() {
    }

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
