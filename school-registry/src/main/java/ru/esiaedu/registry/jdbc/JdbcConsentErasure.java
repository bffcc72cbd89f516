package ru.esiaedu.registry.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ru.esiaedu.registry.ConsentErasureReceipt;
import ru.esiaedu.registry.RegistryUnavailableException;

/**
 * Erasure of a student's consent data on request, in one transaction: requests without a consent go, consents in force
 * are revoked by the student's own account, and every consent record stays with {@code erased_at}, {@code erased_by}
 * and {@code erasure_reason} — the first erasure's, a repeated one changes nothing.
 */
final class JdbcConsentErasure {

    static final int MAX_REASON = 300;

    private final JdbcSchoolRegistryProvider.DatabaseSupplier database;
    private final Clock clock;

    JdbcConsentErasure(JdbcSchoolRegistryProvider.DatabaseSupplier database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    ConsentErasureReceipt erase(String student, Collection<String> clientIds, String by, String reason)
            throws RegistryUnavailableException {
        requireText("student account id", student, 64);
        requireText("by", by, 64);
        requireText("reason", reason, MAX_REASON);
        List<String> clients = clean(clientIds);
        if (clients.isEmpty()) {
            return new ConsentErasureReceipt(0, 0, 0, List.of());
        }
        String inClients = " AND client_id IN (" + String.join(", ", Collections.nCopies(clients.size(), "?")) + ")";
        return Transactions.write(database, "erase consent data", (c, db) -> {
            LocalDateTime now = LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
            List<Long> requests = new ArrayList<>();
            try (PreparedStatement s = JdbcSchoolRegistryProvider.prepare(c, db, "SELECT id FROM sr_consent_request"
                    + " WHERE student_account_id = ? AND status IN ('PENDING', 'DECLINED')" + inClients
                    + " AND id NOT IN (SELECT request_id FROM sr_consent)")) {
                bind(s, student, clients);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        requests.add(r.getLong(1));
                    }
                }
            }
            for (long id : requests) {
                update(c, db, "DELETE FROM sr_consent_request_recipient WHERE request_id = ?", id);
                update(c, db, "DELETE FROM sr_consent_request WHERE id = ?", id);
            }
            Set<String> revokedClients = new LinkedHashSet<>();
            try (PreparedStatement s = JdbcSchoolRegistryProvider.prepare(c, db, "SELECT DISTINCT client_id FROM sr_consent"
                    + " WHERE student_account_id = ? AND revoked_at IS NULL" + inClients + " ORDER BY client_id")) {
                bind(s, student, clients);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        revokedClients.add(r.getString(1));
                    }
                }
            }
            int revoked;
            try (PreparedStatement s = JdbcSchoolRegistryProvider.prepare(c, db, "UPDATE sr_consent SET revoked_at = ?,"
                    + " revoked_by_account_id = ? WHERE student_account_id = ? AND revoked_at IS NULL" + inClients)) {
                s.setObject(1, now);
                s.setString(2, student);
                s.setString(3, student);
                for (int i = 0; i < clients.size(); i++) {
                    s.setString(4 + i, clients.get(i));
                }
                revoked = s.executeUpdate();
            }
            try (PreparedStatement s = JdbcSchoolRegistryProvider.prepare(c, db, "UPDATE sr_consent SET erased_at = ?,"
                    + " erased_by = ?, erasure_reason = ? WHERE student_account_id = ? AND erased_at IS NULL" + inClients)) {
                s.setObject(1, now);
                s.setString(2, by);
                s.setString(3, reason.strip());
                s.setString(4, student);
                for (int i = 0; i < clients.size(); i++) {
                    s.setString(5 + i, clients.get(i));
                }
                s.executeUpdate();
            }
            int kept;
            try (PreparedStatement s = JdbcSchoolRegistryProvider.prepare(c, db,
                    "SELECT COUNT(*) FROM sr_consent WHERE student_account_id = ?" + inClients)) {
                bind(s, student, clients);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    kept = r.getInt(1);
                }
            }
            return new ConsentErasureReceipt(requests.size(), revoked, kept, List.copyOf(revokedClients));
        });
    }

    private static void bind(PreparedStatement s, String student, List<String> clients) throws SQLException {
        s.setString(1, student);
        for (int i = 0; i < clients.size(); i++) {
            s.setString(2 + i, clients.get(i));
        }
    }

    private static void update(Connection c, RegistryDatabase db, String sql, long id) throws SQLException {
        try (PreparedStatement s = JdbcSchoolRegistryProvider.prepare(c, db, sql)) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    private static List<String> clean(Collection<String> ids) {
        Set<String> clean = new LinkedHashSet<>();
        if (ids != null) {
            for (String id : ids) {
                if (id != null && !id.isBlank() && id.length() <= 255) {
                    clean.add(id);
                }
            }
        }
        return List.copyOf(clean);
    }

    private static void requireText(String what, String value, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new IllegalArgumentException("erase consent data: " + what + " must be 1-" + max + " characters");
        }
    }
}
