package ru.esiaedu.consent.registry.admin;

import java.time.Instant;

import ru.esiaedu.registry.ConsentRecord;

/**
 * One consent as the admin endpoint returns it (152-ФЗ: who — the grantor's registry account —, for whom, to which
 * client system, when, which text version; a revocation with its time and account). Ids only, no names; times
 * ISO-8601 UTC. The grantor's ESIA oid stays in the registry.
 */
public record ConsentRecordView(long id, long requestId, String studentAccountId, String clientId,
        String grantorAccountId, boolean selfGranted, String textVersion, String grantedAt, String revokedAt,
        String revokedByAccountId, boolean active) {

    /** Column names of the CSV export, in this order. */
    public static final String[] COLUMNS = {"id", "requestId", "studentAccountId", "clientId", "grantorAccountId",
            "selfGranted", "textVersion", "grantedAt", "revokedAt", "revokedByAccountId", "active"};

    public static ConsentRecordView of(ConsentRecord record) {
        return new ConsentRecordView(record.id(), record.requestId(), record.studentAccountId(), record.clientId(),
                record.grantorAccountId(), record.selfGranted(), record.textVersion(), iso(record.grantedAt()),
                iso(record.revokedAt()), record.revokedByAccountId(), record.active());
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    String[] cells() {
        return new String[] {Long.toString(id), Long.toString(requestId), studentAccountId, clientId, grantorAccountId,
                Boolean.toString(selfGranted), textVersion, grantedAt, revokedAt, revokedByAccountId,
                Boolean.toString(active)};
    }
}
