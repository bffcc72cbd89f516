package ru.esiaedu.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo portal's server-side state, in memory (one process, nothing to share): logins under way by
 * {@code state}, and signed-in sessions by the random id in the HttpOnly cookie. Both expire.
 */
final class SessionStore {

    /** A login that went to Keycloak: what the callback must find again. {@code browser} is the login cookie's value. */
    record PendingLogin(String browser, String codeVerifier, String nonce, Instant expires) {
    }

    /** A signed-in browser. {@code csrf} protects the logout form. */
    record PortalSession(SignedInUser user, String idToken, String csrf, Instant expires) {
    }

    private final Map<String, PendingLogin> logins = new ConcurrentHashMap<>();
    private final Map<String, PortalSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration loginLifetime;
    private final Duration sessionLifetime;

    SessionStore(Clock clock, Duration loginLifetime, Duration sessionLifetime) {
        this.clock = clock;
        this.loginLifetime = loginLifetime;
        this.sessionLifetime = sessionLifetime;
    }

    PendingLogin startLogin(String state, String browser, String codeVerifier, String nonce) {
        purge();
        PendingLogin login = new PendingLogin(browser, codeVerifier, nonce, clock.instant().plus(loginLifetime));
        logins.put(state, login);
        return login;
    }

    /** Removes and returns the login of that state (single use), if it has not expired. */
    Optional<PendingLogin> finishLogin(String state) {
        if (state == null) {
            return Optional.empty();
        }
        PendingLogin login = logins.remove(state);
        return login == null || login.expires().isBefore(clock.instant()) ? Optional.empty() : Optional.of(login);
    }

    String open(SignedInUser user, String idToken) {
        purge();
        String id = Pkce.randomToken();
        sessions.put(id, new PortalSession(user, idToken, Pkce.randomToken(), clock.instant().plus(sessionLifetime)));
        return id;
    }

    Optional<PortalSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        PortalSession session = sessions.get(id);
        if (session == null || session.expires().isBefore(clock.instant())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    Optional<PortalSession> close(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.remove(id));
    }

    private void purge() {
        Instant now = clock.instant();
        logins.values().removeIf(l -> l.expires().isBefore(now));
        sessions.values().removeIf(s -> s.expires().isBefore(now));
    }
}
