package ru.esiaedu.registry.school;

import java.time.Instant;

import ru.esiaedu.registry.RegistryRole;

/**
 * One «Обратиться в организацию» request as the school's inbox shows it: its number and what the requester typed.
 * {@code organisationId} is null for «Нет нужной организации» (then {@code organisationType} says which kind was
 * missing).
 *
 * @param requesterFullName the requester's name as ESIA gave it, so the school knows who asks
 * @param linkedAccountId   the account the requester was linked to when {@code status} is LINKED
 * @param comment           the school's answer (a rejection's reason), null while open
 */
public record InboxRequest(long id, String number, InboxRequestStatus status, RegistryRole role,
        String requesterFullName, String childFullName, String organisationType, String organisationId,
        String className, String contactEmail, String esiaOid, Instant createdAt, String linkedAccountId,
        String comment, String resolvedBy, Instant resolvedAt) {

    /** Never prints personal data. */
    @Override
    public String toString() {
        return "InboxRequest[id=" + id + ", status=" + status + ", organisationId=" + organisationId + "]";
    }
}
