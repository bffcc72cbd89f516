package ru.esiaedu.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;

/** Queue of one-shot faults; each queued fault is consumed by the first request it applies to. */
public final class Faults {
    private final LinkedList<Fault> queue = new LinkedList<>();

    /** Queues a fault for the next request it applies to. Returns this for chaining. */
    public synchronized Faults next(Fault fault) {
        queue.add(java.util.Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** Drops all queued faults. */
    public synchronized void clear() {
        queue.clear();
    }

    /** The faults still waiting, in order. */
    public synchronized List<Fault> pending() {
        return new ArrayList<>(queue);
    }

    /** Removes and returns the first queued fault for this target, if any. */
    synchronized Optional<Fault> take(Fault.Target target) {
        for (Iterator<Fault> it = queue.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (f.target() == target) {
                it.remove();
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
