package ru.esiaedu.consent.check;

import ru.esiaedu.consent.source.ConsentRequestOutcome;

/** The auth note of one login, as a field. */
class MemoryInNotes implements RequestMemory {

    String note;

    @Override
    public boolean requested() {
        return note != null;
    }

    @Override
    public void remember(ConsentRequestOutcome outcome) {
        note = outcome.requestId();
    }
}
