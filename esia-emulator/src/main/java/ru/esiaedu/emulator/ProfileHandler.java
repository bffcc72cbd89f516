package ru.esiaedu.emulator;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ESIA personal account, as far as consents go: {@code GET /profile}, {@code GET /profile/consents},
 * {@code GET /profile/consents/<requestId>}, {@code GET /profile/notifications}, and the form posts
 * {@code POST /profile/consents/decision} and {@code POST /profile/consents/revoke} (each with the session's
 * CSRF token, answered with a redirect to the list). Without an ESIA session: to the login page and back.
 */
final class ProfileHandler {
    static final String PREFIX = "/profile";
    static final String CONSENTS = PREFIX + "/consents";
    static final String NOTIFICATIONS = PREFIX + "/notifications";
    static final String DECISION = CONSENTS + "/decision";
    static final String REVOKE = CONSENTS + "/revoke";
    private static final Pattern RETURN = Pattern.compile("/profile(/[A-Za-z0-9-]{1,64}){0,3}");

    private final SessionStore sessions;
    private final PersonDirectory persons;
    private final ConsentRegistry registry;
    private final CsrfTokens csrf;
    private final ProfilePage pages;

    ProfileHandler(SessionStore sessions, PersonDirectory persons, ConsentRegistry registry, CsrfTokens csrf,
                   ProfilePage pages) {
        this.sessions = sessions;
        this.persons = persons;
        this.registry = registry;
        this.csrf = csrf;
        this.pages = pages;
    }

    /** A signed-in person and the id of their ESIA session (the CSRF tokens are bound to it). */
    private record Session(String id, Person person) {
    }

    /** Where the login may send the browser back to: a personal-account path, else {@code /profile}. */
    static String safeReturn(String path) {
        return path != null && RETURN.matcher(path).matches() ? path : PREFIX;
    }

    void handle(Request r) throws IOException {
        String sessionId = r.cookie(SessionStore.COOKIE);
        Optional<Session> session = sessions.find(sessionId).flatMap(persons::find).filter(p -> !p.deleted())
                .map(p -> new Session(sessionId, p));
        if (session.isEmpty()) {
            if (r.method.equals("GET")) {
                Responses.redirect(r.exchange, LoginHandler.LOGIN_PATH + "?return=" + Responses.encode(safeReturn(r.path)));
            } else {
                Responses.seeOther(r.exchange, LoginHandler.LOGIN_PATH + "?return=" + Responses.encode(CONSENTS));
            }
            return;
        }
        Session s = session.get();
        String p = r.path.length() > 1 && r.path.endsWith("/") ? r.path.substring(0, r.path.length() - 1) : r.path;
        if (r.method.equals("POST")) {
            if (p.equals(DECISION)) {
                decision(r, s);
            } else if (p.equals(REVOKE)) {
                revoke(r, s);
            } else {
                Responses.html(r.exchange, 404, pages.problem("Страница не найдена", "Такой страницы нет."));
            }
            return;
        }
        if (!r.method.equals("GET")) {
            Responses.send(r.exchange, 405, "text/plain;charset=UTF-8", "method not allowed");
            return;
        }
        long me = s.person().oid();
        if (p.equals(PREFIX)) {
            Responses.html(r.exchange, 200, pages.home(s.person()));
        } else if (p.equals(CONSENTS)) {
            Responses.html(r.exchange, 200, pages.consents(s.person(), csrf.tokenFor(s.id()), r.query.get("done")));
        } else if (p.equals(NOTIFICATIONS)) {
            Responses.html(r.exchange, 200, pages.notifications(s.person()));
            registry.markRead(me);
        } else if (p.startsWith(CONSENTS + "/")) {
            Optional<ConsentRegistry.ConsentRequest> req = registry.request(p.substring(CONSENTS.length() + 1));
            if (req.isEmpty()) {
                notFound(r);
            } else if (!req.get().recipients().contains(me)) {
                forbidden(r);
            } else {
                Responses.html(r.exchange, 200, pages.request(s.person(), req.get(), csrf.tokenFor(s.id())));
            }
        } else {
            Responses.html(r.exchange, 404, pages.problem("Страница не найдена", "Такой страницы нет."));
        }
    }

    private void decision(Request r, Session s) throws IOException {
        if (!csrf.valid(s.id(), r.form.get(CsrfTokens.FIELD))) {
            staleForm(r);
            return;
        }
        String decision = r.form.getOrEmpty("decision");
        String requestId = r.form.getOrEmpty("request");
        ConsentRegistry.Result result;
        if (decision.equals("approve")) {
            result = registry.approve(requestId, s.person().oid());
        } else if (decision.equals("decline")) {
            result = registry.decline(requestId, s.person().oid());
        } else {
            Responses.html(r.exchange, 400, pages.problem("Неверный запрос", "Выберите «Подтвердить» или «Отклонить»."));
            return;
        }
        answer(r, result, decision.equals("approve") ? "granted" : "declined");
    }

    private void revoke(Request r, Session s) throws IOException {
        if (!csrf.valid(s.id(), r.form.get(CsrfTokens.FIELD))) {
            staleForm(r);
            return;
        }
        answer(r, registry.revoke(r.form.get("consent"), s.person().oid()), "revoked");
    }

    /** Redirect-after-POST to the list with a flash code, or the error page. */
    private void answer(Request r, ConsentRegistry.Result result, String doneCode) throws IOException {
        switch (result) {
            case DONE -> Responses.seeOther(r.exchange, CONSENTS + "?done=" + doneCode);
            case ALREADY_GRANTED -> Responses.seeOther(r.exchange, CONSENTS + "?done=already-granted");
            case ALREADY_DECLINED -> Responses.seeOther(r.exchange, CONSENTS + "?done=already-declined");
            case ALREADY_REVOKED -> Responses.seeOther(r.exchange, CONSENTS + "?done=already-revoked");
            case FORBIDDEN -> forbidden(r);
            case NOT_FOUND -> notFound(r);
        }
    }

    private void forbidden(Request r) throws IOException {
        Responses.html(r.exchange, 403, pages.problem("Нет доступа",
                "Этот запрос согласия адресован не вам. Выдать или отозвать согласие может только законный "
                        + "представитель ребёнка или сам совершеннолетний пользователь."));
    }

    private void notFound(Request r) throws IOException {
        Responses.html(r.exchange, 404, pages.problem("Запрос не найден", "Запрос согласия не найден или удалён."));
    }

    private void staleForm(Request r) throws IOException {
        Responses.html(r.exchange, 403, pages.problem("Форма устарела",
                "Действие не выполнено: форма устарела или отправлена не со страницы госуслуг. "
                        + "Откройте раздел «Согласия и доверенности» и повторите."));
    }
}
