package ru.esiaedu.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Bounded in-memory list of recent requests: enough for test assertions, never a memory leak. */
final class RequestLog {
    private final int capacity;
    private final Deque<RecordedRequest> entries = new ArrayDeque<>();

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(RecordedRequest r) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(r);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(new ArrayList<>(entries));
    }

    synchronized void clear() {
        entries.clear();
    }
}
