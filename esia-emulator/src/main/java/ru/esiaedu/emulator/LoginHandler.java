package ru.esiaedu.emulator;

import java.io.IOException;
import java.util.Optional;

/** {@code POST /login} (password, one-click test person, cancel) and {@code POST /login/consent}. */
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
        Optional<Person> person;
        String quick = f.get("quick");
        if (quick != null && !quick.isEmpty()) {
            person = parseOid(quick).flatMap(persons::find);
        } else {
            String password = f.getOrEmpty("password");
            person = persons.findByLogin(f.get("login")).filter(x -> x.password().equals(password));
        }
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
