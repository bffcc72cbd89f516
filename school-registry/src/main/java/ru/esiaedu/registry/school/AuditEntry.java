package ru.esiaedu.registry.school;

import java.time.Instant;

/** One audited change, kept in the registry (never in server logs): who, which field of which account, when, old and new value. */
public record AuditEntry(long id, String organisationId, String accountId, String field, String oldValue,
        String newValue, String actor, Instant at) {

    /** Never prints personal data. */
    @Override
    public String toString() {
        return "AuditEntry[id=" + id + ", accountId=" + accountId + ", field=" + field + "]";
    }
}
