package ru.esiaedu.emulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What happens once the user is known: person_filter, consent, then the code back to the client. */
final class LoginFlow {
    private final PendingAuthorizations pending;
    private final SessionStore sessions;
    private final CodeStore codes;
    private final LoginPage pages;

    LoginFlow(PendingAuthorizations pending, SessionStore sessions, CodeStore codes, LoginPage pages) {
        this.pending = pending;
        this.sessions = sessions;
        this.codes = codes;
        this.pages = pages;
    }

    void afterLogin(HttpExchange ex, PendingAuthorizations.Pending p, Person person) throws IOException {
        AuthorizationRequest req = p.request();
        if (req.confirmedOnly() && !person.trusted()) {
            fail(ex, p, ErrorRedirects.unconfirmedAccount());
            return;
        }
        if (!sessions.hasGranted(req.client().clientId(), person.oid(), req.scopes())) {
            Responses.html(ex, 200, pages.consent(p, person));
            return;
        }
        complete(ex, p, person);
    }

    void complete(HttpExchange ex, PendingAuthorizations.Pending p, Person person) throws IOException {
        AuthorizationRequest req = p.request();
        pending.remove(p.id());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", codes.issueCode(req, person.oid()));
        params.put("state", req.state());
        Responses.redirect(ex, Responses.withParams(req.redirectUri(), params));
    }

    void fail(HttpExchange ex, PendingAuthorizations.Pending p, EsiaException e) throws IOException {
        pending.remove(p.id());
        Responses.redirect(ex, ErrorRedirects.to(p.request().redirectUri(), e, p.request().state()));
    }
}
