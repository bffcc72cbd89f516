package ru.esiaedu.registry.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import ru.esiaedu.registry.ConsentNoticeRecord;
import ru.esiaedu.registry.RegistryUnavailableException;

/**
 * The e-mail state of consent requests (columns {@code notice_attempts}, {@code notice_attempted_at} of
 * {@code sr_consent_request} and {@code notified_at} of {@code sr_consent_request_recipient}). Taking the turn to
 * send is one conditional UPDATE on the attempt count, so two logins at once cannot both mail the parents.
 */
final class JdbcConsentNotices {

    private final JdbcSchoolRegistryProvider.DatabaseSupplier database;
    private final Clock clock;

    JdbcConsentNotices(JdbcSchoolRegistryProvider.DatabaseSupplier database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    Optional<ConsentNoticeRecord> find(long requestId) throws RegistryUnavailableException {
        return Transactions.read(database, "find consent notice", (c, db) -> {
            int attempts;
            Instant last;
            try (PreparedStatement s = JdbcSchoolRegistryProvider.prepare(c, db,
                    "SELECT notice_attempts, notice_attempted_at FROM sr_consent_request WHERE id = ?")) {
                s.setLong(1, requestId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    attempts = r.getInt(1);
                    LocalDateTime at = r.getObject(2, LocalDateTime.class);
                    last = at == null ? null : at.toInstant(ZoneOffset.UTC);
                }
            }
            Set<String> reached = new HashSet<>();
            try (PreparedStatement s = JdbcSchoolRegistryProvider.prepare(c, db, "SELECT account_id FROM"
                    + " sr_consent_request_recipient WHERE request_id = ? AND notified_at IS NOT NULL")) {
                s.setLong(1, requestId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        reached.add(r.getString(1));
                    }
                }
            }
            return Optional.of(new ConsentNoticeRecord(requestId, attempts, last, reached));
        });
    }

    boolean claim(long requestId, int attemptsSeen) throws RegistryUnavailableException {
        return Transactions.write(database, "claim consent notice", (c, db) -> {
            try (PreparedStatement s = JdbcSchoolRegistryProvider.prepare(c, db, "UPDATE sr_consent_request"
                    + " SET notice_attempts = notice_attempts + 1, notice_attempted_at = ?"
                    + " WHERE id = ? AND status = 'PENDING' AND notice_attempts = ?")) {
                s.setObject(1, nowUtc());
                s.setLong(2, requestId);
                s.setInt(3, attemptsSeen);
                return s.executeUpdate() == 1;
            }
        });
    }

    void reached(long requestId, String recipientAccountId) throws RegistryUnavailableException {
        if (recipientAccountId == null || recipientAccountId.isBlank() || recipientAccountId.length() > 64) {
            return;
        }
        Transactions.write(database, "record consent notice", (c, db) -> {
            try (PreparedStatement s = JdbcSchoolRegistryProvider.prepare(c, db, "UPDATE sr_consent_request_recipient"
                    + " SET notified_at = ? WHERE request_id = ? AND account_id = ? AND notified_at IS NULL")) {
                s.setObject(1, nowUtc());
                s.setLong(2, requestId);
                s.setString(3, recipientAccountId);
                return s.executeUpdate();
            }
        });
    }

    private LocalDateTime nowUtc() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
