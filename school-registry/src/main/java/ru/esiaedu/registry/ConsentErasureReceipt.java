package ru.esiaedu.registry;

import java.util.List;

/**
 * What erasing a student's consent data did (an erasure on the person's request, 152-ФЗ art. 14 and 21).
 *
 * @param requestsDeleted   open and declined consent requests removed with their recipients (no consent rests on them)
 * @param consentsRevoked   consents that were in force and are revoked now
 * @param consentsKept      consent records kept, marked with the erasure and its reason (the proof of consent the
 *                          operator must keep, art. 9 part 3)
 * @param revokedClientIds  the client systems whose consent was revoked now (their sessions are to end)
 */
public record ConsentErasureReceipt(int requestsDeleted, int consentsRevoked, int consentsKept,
        List<String> revokedClientIds) {

    public ConsentErasureReceipt {
        revokedClientIds = revokedClientIds == null ? List.of() : List.copyOf(revokedClientIds);
    }
}
