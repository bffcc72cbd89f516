package ru.esiaedu.emulator;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST /login} (password, one-click test person, cancel) and {@code POST /login/consent} of the OAuth flow;
 * {@code GET /login?return=/profile/…} and its {@code POST /login} (hidden {@code return} instead of {@code pending})
 * for the personal account.
 */
final class LoginHandler {
    static final String LOGIN_PATH = "/login";
    static final String CONSENT_PATH = "/login/consent";

    private final PendingAuthorizations pending;
    private final PersonDirectory persons;
    private final SessionStore sessions;
    private final LoginFlow flow;
    private final LoginPage pages;

    LoginHandler(PendingAuthorizations pending, PersonDirectory persons, SessionStore sessions, LoginFlow flow,
                 LoginPage pages) {
        this.pending = pending;
        this.persons = persons;
        this.sessions = sessions;
        this.flow = flow;
        this.pages = pages;
    }

    void login(Request r) throws IOException {
        Params f = r.form;
        if (f.get("pending") == null && f.get("return") != null) {
            profileLogin(r);
            return;
        }
        Optional<PendingAuthorizations.Pending> found = pending.find(f.get("pending"));
        if (found.isEmpty()) {
            expired(r);
            return;
        }
        PendingAuthorizations.Pending p = found.get();
        if ("cancel".equals(f.get("action"))) {
            flow.fail(r.exchange, p, ErrorRedirects.userRefused());
            return;
        }
        Optional<Person> person = authenticate(f);
        if (person.isEmpty()) {
            Responses.html(r.exchange, 200, pages.login(p, "Неверный логин или пароль"));
            return;
        }
        if (person.get().deleted()) {
            Responses.html(r.exchange, 200, pages.login(p, "Учётная запись удалена"));
            return;
        }
        Responses.setCookie(r.exchange, SessionStore.COOKIE, sessions.open(person.get().oid()), false);
        flow.afterLogin(r.exchange, pending.loggedIn(p, person.get().oid()), person.get());
    }

    /** {@code GET /login?return=…}: the personal account's login page, or straight back with a live session. */
    void page(Request r) throws IOException {
        String returnTo = ProfileHandler.safeReturn(r.query.get("return"));
        boolean signedIn = sessions.find(r.cookie(SessionStore.COOKIE)).flatMap(persons::find)
                .filter(x -> !x.deleted()).isPresent();
        if (signedIn) {
            Responses.redirect(r.exchange, returnTo);
        } else {
            Responses.html(r.exchange, 200, pages.profileLogin(returnTo, null));
        }
    }

    private void profileLogin(Request r) throws IOException {
        String returnTo = ProfileHandler.safeReturn(r.form.get("return"));
        if ("cancel".equals(r.form.get("action"))) {
            Responses.html(r.exchange, 200, pages.profileLoginCancelled(returnTo));
            return;
        }
        Optional<Person> person = authenticate(r.form);
        if (person.isEmpty()) {
            Responses.html(r.exchange, 200, pages.profileLogin(returnTo, "Неверный логин или пароль"));
            return;
        }
        if (person.get().deleted()) {
            Responses.html(r.exchange, 200, pages.profileLogin(returnTo, "Учётная запись удалена"));
            return;
        }
        Responses.setCookie(r.exchange, SessionStore.COOKIE, sessions.open(person.get().oid()), false);
        Responses.seeOther(r.exchange, returnTo);
    }

    /** The one-click test person, or the person whose login and password match. */
    private Optional<Person> authenticate(Params f) {
        String quick = f.get("quick");
        if (quick != null && !quick.isEmpty()) {
            return parseOid(quick).flatMap(persons::find);
        }
        String password = f.getOrEmpty("password");
        return persons.findByLogin(f.get("login")).filter(x -> x.password().equals(password));
    }

    void consent(Request r) throws IOException {
        Optional<PendingAuthorizations.Pending> found = pending.find(r.form.get("pending")).filter(x -> x.oid() != null);
        Optional<Person> person = found.flatMap(x -> persons.find(x.oid()));
        if (person.isEmpty()) {
            expired(r);
            return;
        }
        PendingAuthorizations.Pending p = found.get();
        if (!"grant".equals(r.form.get("decision"))) {
            flow.fail(r.exchange, p, ErrorRedirects.userRefused());
            return;
        }
        sessions.grant(p.request().client().clientId(), person.get().oid(), p.request().scopes());
        flow.complete(r.exchange, p, person.get());
    }

    private void expired(Request r) throws IOException {
        Responses.html(r.exchange, 400, pages.error("ESIA-007003",
                "Запрос на вход не найден или устарел. Вернитесь на сайт и начните вход заново."));
    }

    private static Optional<Long> parseOid(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
