package ru.esiaedu.consent.check;

import ru.esiaedu.consent.source.ConsentRequestOutcome;

/**
 * Remembers within one login (the authentication session) that the consent request was already sent, so a reload
 * or a double submit does not ask the source again. The source is idempotent as well; this saves the call.
 */
public interface RequestMemory {

    boolean requested();

    void remember(ConsentRequestOutcome outcome);
}
