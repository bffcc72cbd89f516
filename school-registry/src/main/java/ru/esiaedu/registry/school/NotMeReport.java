package ru.esiaedu.registry.school;

import java.time.Instant;

/**
 * «Это не я»: an ESIA person said a linked account was not theirs and it was unlinked. The school checks the
 * account's data, since whatever matched it to the wrong person is still there.
 */
public record NotMeReport(long linkId, String accountId, String esiaOid, Instant unlinkedAt) {
}
