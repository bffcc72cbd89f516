package ru.esiaedu.registry;

import java.time.Instant;
import java.util.List;

/**
 * A request for a student's consent to one client system (registry consent source).
 *
 * @param recipientAccountIds who may decide: the student's parents' accounts, or the student's own account when
 *                            {@code studentApproves}
 * @param decidedByAccountId  the recipient who approved or declined; null while pending
 */
public record ConsentRequestRecord(long id, String studentAccountId, String clientId, ConsentRequestStatus status,
        boolean studentApproves, List<String> recipientAccountIds, Instant createdAt, Instant decidedAt,
        String decidedByAccountId) {

    public ConsentRequestRecord {
        recipientAccountIds = recipientAccountIds == null ? List.of() : List.copyOf(recipientAccountIds);
    }
}
