package ru.esiaedu.emulator;

import java.io.IOException;

/** {@code GET /idp/ext/Logout?client_id=…&redirect_url=…}: ends the SSO session, then returns to the client. */
final class LogoutHandler {
    private final SessionStore sessions;
    private final ClientRegistry clients;
    private final LoginPage pages;

    LogoutHandler(SessionStore sessions, ClientRegistry clients, LoginPage pages) {
        this.sessions = sessions;
        this.clients = clients;
        this.pages = pages;
    }

    void handle(Request r) throws IOException {
        sessions.close(r.cookie(SessionStore.COOKIE));
        Responses.setCookie(r.exchange, SessionStore.COOKIE, "", true);
        String target = r.query.get("redirect_url");
        boolean allowed = clients.find(r.query.get("client_id")).map(c -> c.redirectAllowed(target)).orElse(false);
        if (allowed) {
            Responses.redirect(r.exchange, target);
        } else {
            // an open redirect would be worse than a dead end
            Responses.html(r.exchange, 200, pages.loggedOut());
        }
    }
}
