package ru.esiaedu.emulator;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's own state about users: SSO sessions (cookie {@code esia_session} → person, so a second
 * authorization skips the password like ESIA does) and the scopes each person granted each client.
 */
final class SessionStore {
    static final String COOKIE = "esia_session";

    private final Map<String, Long> sessions = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> grants = new ConcurrentHashMap<>();

    String open(long oid) {
        String id = Ids.random();
        sessions.put(id, oid);
        return id;
    }

    Optional<Long> find(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(sessions.get(sessionId));
    }

    void close(String sessionId) {
        if (sessionId != null) {
            sessions.remove(sessionId);
        }
    }

    boolean hasGranted(String clientId, long oid, java.util.Collection<String> scopes) {
        return grants.getOrDefault(clientId + "|" + oid, Set.of()).containsAll(scopes);
    }

    /** The person has never answered «Предоставление прав доступа» for any client (as on their first day). */
    void forgetGrants(long oid) {
        grants.keySet().removeIf(key -> key.endsWith("|" + oid));
    }

    void grant(String clientId, long oid, java.util.Collection<String> scopes) {
        grants.computeIfAbsent(clientId + "|" + oid, k -> ConcurrentHashMap.newKeySet()).addAll(scopes);
    }
}
