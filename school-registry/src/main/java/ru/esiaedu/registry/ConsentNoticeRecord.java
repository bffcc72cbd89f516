package ru.esiaedu.registry;

import java.time.Instant;
import java.util.Set;

/**
 * The e-mail of a consent request: how often it was tried, when last, and which recipients it reached. A mail that
 * did not reach someone (the mail server was down) is sent again while the request is pending.
 *
 * @param attempts           attempts so far; the turn to send is taken by compare-and-set on this number
 * @param lastAttemptAt      when the last attempt began; null before the first
 * @param reachedAccountIds  recipients whose mail the mail server accepted
 */
public record ConsentNoticeRecord(long requestId, int attempts, Instant lastAttemptAt, Set<String> reachedAccountIds) {

    public ConsentNoticeRecord {
        reachedAccountIds = reachedAccountIds == null ? Set.of() : Set.copyOf(reachedAccountIds);
    }
}
