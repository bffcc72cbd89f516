package ru.esiaedu.emulator;

import java.util.LinkedHashSet;
import java.util.Iterator;

/** Remembers recent {@code state} values, because a token request must bring a new one. */
final class UsedStates {
    private static final int CAPACITY = 10_000;
    private final LinkedHashSet<String> states = new LinkedHashSet<>();

    /** Records the state; false if it was seen before. */
    synchronized boolean firstUse(String state) {
        if (!states.add(state)) {
            return false;
        }
        if (states.size() > CAPACITY) {
            Iterator<String> it = states.iterator();
            it.next();
            it.remove();
        }
        return true;
    }

    synchronized void remember(String state) {
        firstUse(state);
    }
}
