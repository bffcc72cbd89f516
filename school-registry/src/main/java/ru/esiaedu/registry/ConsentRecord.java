package ru.esiaedu.registry;

import java.time.Instant;

/**
 * A consent given (152-ФЗ art. 9): who gave it, for whom, to which client system, when, to which text version;
 * a revocation sets {@code revokedAt}/{@code revokedByAccountId} and keeps the row.
 *
 * @param grantorAccountId registry account of the parent (or of the adult student themself)
 * @param grantorEsiaOid   ESIA oid of the person who pressed «Подтвердить»
 * @param selfGranted      true when an adult student consented for themself
 * @param textVersion      version of the consent text shown (e.g. "2026-11")
 */
public record ConsentRecord(long id, long requestId, String studentAccountId, String clientId,
        String grantorAccountId, String grantorEsiaOid, boolean selfGranted, String textVersion,
        Instant grantedAt, Instant revokedAt, String revokedByAccountId) {

    public boolean active() {
        return revokedAt == null;
    }

    /** Never prints the oid. */
    @Override
    public String toString() {
        return "ConsentRecord[id=" + id + ", student=" + studentAccountId + ", client=" + clientId
                + ", active=" + active() + "]";
    }
}
