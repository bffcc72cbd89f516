package ru.esiaedu.emulator;

import java.time.Duration;

/** Sleeps for the *_SLOW faults; returns false when interrupted (the emulator is closing). */
final class Sleeper {
    private Sleeper() {
    }

    static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
