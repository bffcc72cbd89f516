package ru.esiaedu.emulator;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the personal-account pages: «Профиль», «Согласия и доверенности» (list and one request),
 * «Уведомления». Element ids for tests: {@code approve-<requestId>}, {@code decline-<requestId>},
 * {@code revoke-<consentId>}, {@code request-<requestId>}, {@code consent-<consentId>}, {@code flash}.
 */
final class ProfilePage {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(ConsentRecipients.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ConsentRecipients.ZONE);
    private static final Map<String, String> FLASH = Map.of(
            "granted", "Согласие выдано",
            "declined", "Запрос отклонён",
            "revoked", "Согласие отозвано",
            "already-granted", "Согласие по этому запросу уже выдано",
            "already-declined", "Этот запрос уже отклонён",
            "already-revoked", "Согласие уже отозвано");

    private final PersonDirectory persons;
    private final ConsentRegistry registry;

    ProfilePage(PersonDirectory persons, ConsentRegistry registry) {
        this.persons = persons;
        this.registry = registry;
    }

    String home(Person me) {
        long unread = registry.unread(me.oid());
        String b = "<h1>Профиль</h1><p class=\"client\">" + esc(me.displayName()) + "</p><ul class=\"links\">"
                + "<li><a id=\"consents-link\" href=\"" + ProfileHandler.CONSENTS + "\">Согласия и доверенности</a></li>"
                + "<li><a id=\"notifications-link\" href=\"" + ProfileHandler.NOTIFICATIONS + "\">Уведомления ("
                + unread + ")</a></li>"
                + "<li><a id=\"logout-link\" href=\"/idp/ext/Logout\">Выйти</a></li></ul>";
        return Html.page("Профиль — госуслуги", b, true);
    }

    String consents(Person me, String csrf, String flashCode) {
        long oid = me.oid();
        List<ConsentRegistry.ConsentRequest> addressed = registry.addressedTo(oid);
        List<ConsentRegistry.Consent> consents = registry.consentsOf(oid);
        StringBuilder b = new StringBuilder();
        b.append(back(ProfileHandler.PREFIX, "Профиль")).append("<h1>Согласия и доверенности</h1>")
                .append("<nav class=\"tabs\"><span class=\"active\" id=\"tab-consents\">Согласия</span>")
                .append("<span id=\"tab-powers\">Доверенности</span></nav>");
        String flash = flashCode == null ? null : FLASH.get(flashCode);
        if (flash != null) {
            b.append("<div class=\"flash\" id=\"flash\" role=\"status\">").append(esc(flash)).append("</div>");
        }

        b.append("<h2>Запросы согласий</h2>");
        List<ConsentRegistry.ConsentRequest> pending = addressed.stream()
                .filter(r -> r.status() == ConsentRegistry.RequestStatus.PENDING).toList();
        if (pending.isEmpty()) {
            b.append("<p class=\"muted\" id=\"no-requests\">Новых запросов нет</p>");
        }
        for (ConsentRegistry.ConsentRequest r : pending) {
            b.append("<div class=\"card\" id=\"request-").append(esc(r.id())).append("\">")
                    .append("<h3>").append(esc(whose(r.studentOid(), oid))).append("</h3>")
                    .append("<p class=\"meta\">Система: ").append(esc(r.clientName())).append("</p>")
                    .append("<p class=\"meta\">Цель: ").append(esc(r.purpose())).append("</p>")
                    .append("<p class=\"meta\">Дата запроса: ").append(DATE_TIME.format(r.created())).append("</p>")
                    .append("<p><a id=\"open-").append(esc(r.id())).append("\" href=\"").append(requestLink(r.id()))
                    .append("\">Ознакомиться с содержанием</a></p>")
                    .append(decisionButtons(r.id(), csrf)).append("</div>");
        }

        b.append("<h2>Выданные согласия</h2>");
        List<ConsentRegistry.Consent> active = consents.stream().filter(ConsentRegistry.Consent::active).toList();
        if (active.isEmpty()) {
            b.append("<p class=\"muted\" id=\"no-consents\">Действующих согласий нет</p>");
        }
        for (ConsentRegistry.Consent c : active) {
            b.append("<div class=\"card\" id=\"consent-").append(esc(c.id())).append("\">")
                    .append("<h3>").append(esc(whose(c.studentOid(), oid))).append("</h3>")
                    .append("<p class=\"meta\">Система: ").append(esc(c.clientName())).append("</p>")
                    .append("<p class=\"meta\">Согласие выдано ").append(by(c.grantorOid(), oid, c.studentOid()))
                    .append(" ").append(DATE.format(c.granted())).append(" · действует до отзыва</p>");
            if (c.requestId() != null) {
                b.append("<p><a href=\"").append(requestLink(c.requestId())).append("\">Содержание согласия</a></p>");
            }
            b.append(revokeButton(c.id(), csrf)).append("</div>");
        }

        b.append("<h2>История</h2>");
        List<Map.Entry<Instant, String>> history = new ArrayList<>();
        for (ConsentRegistry.Consent c : consents) {
            if (!c.active()) {
                history.add(Map.entry(c.revoked(), "<li id=\"history-" + esc(c.id()) + "\">" + esc(whose(c.studentOid(), oid))
                        + " · " + esc(c.clientName()) + ": согласие выдано " + by(c.grantorOid(), oid, c.studentOid()) + " "
                        + DATE.format(c.granted()) + ", отозвано" + (c.revokedBy() == null ? "" : " " + by(c.revokedBy(), oid, c.studentOid()))
                        + " " + DATE.format(c.revoked()) + "</li>"));
            }
        }
        for (ConsentRegistry.ConsentRequest r : addressed) {
            if (r.status() == ConsentRegistry.RequestStatus.DECLINED) {
                history.add(Map.entry(r.decided(), "<li id=\"history-" + esc(r.id()) + "\"><a href=\"" + requestLink(r.id())
                        + "\">" + esc(whose(r.studentOid(), oid)) + " · " + esc(r.clientName()) + "</a>: запрос от "
                        + DATE.format(r.created()) + " отклонён " + by(r.decidedBy(), oid, r.studentOid()) + "</li>"));
            }
        }
        if (history.isEmpty()) {
            b.append("<p class=\"muted\">Пусто</p>");
        } else {
            b.append("<ul id=\"history\">");
            history.stream().sorted(Map.Entry.<Instant, String>comparingByKey(Comparator.reverseOrder()))
                    .forEach(e -> b.append(e.getValue()));
            b.append("</ul>");
        }
        return Html.page("Согласия и доверенности — госуслуги", b.toString(), true);
    }

    /** «Ознакомиться с содержанием»: who asks, whose data, which data, what for, how long. */
    String request(Person me, ConsentRegistry.ConsentRequest r, String csrf) {
        long oid = me.oid();
        StringBuilder b = new StringBuilder();
        b.append(back(ProfileHandler.CONSENTS, "Согласия и доверенности"))
                .append("<h1>Запрос согласия на обработку персональных данных</h1>")
                .append("<p class=\"client\" id=\"request-status\">").append(esc(statusLine(r, oid))).append("</p><dl>");
        Optional<Person> student = persons.find(r.studentOid());
        b.append("<dt>Чьи данные</dt><dd>").append(esc(whose(r.studentOid(), oid)))
                .append(student.map(s -> ", дата рождения " + esc(s.birthDate())).orElse("")).append("</dd>")
                .append("<dt>Кто запрашивает</dt><dd>Система «").append(esc(r.clientName())).append("»</dd>")
                .append("<dt>Оператор персональных данных</dt><dd>").append(esc(r.responsibleObject())).append("</dd>")
                .append("<dt>Цель обработки</dt><dd>").append(esc(r.purpose())).append("</dd>")
                .append("<dt>Какие данные будут переданы</dt><dd>");
        List<String> scopes = r.scopes().stream().filter(s -> !s.equals("openid")).toList();
        if (scopes.isEmpty()) {
            b.append("Данные учётной записи, необходимые для входа в систему");
        } else {
            b.append("<ul>");
            scopes.forEach(s -> b.append("<li>").append(esc(LoginPage.SCOPE_NAMES.getOrDefault(s, s))).append("</li>"));
            b.append("</ul>");
        }
        int others = r.recipients().size() - 1;
        b.append("</dd><dt>Срок действия</dt><dd>До отзыва. Отозвать согласие можно в любой момент в разделе ")
                .append("«Согласия и доверенности».</dd>")
                .append("<dt>Дата запроса</dt><dd>").append(DATE_TIME.format(r.created())).append("</dd>")
                .append("<dt>Кому направлен запрос</dt><dd>")
                .append(others <= 0 ? "Вам" : "Вам и ещё " + others + (others == 1 ? " законному представителю"
                        : " законным представителям") + "; достаточно согласия одного из вас")
                .append("</dd></dl>");
        if (r.status() == ConsentRegistry.RequestStatus.PENDING) {
            b.append(decisionButtons(r.id(), csrf));
        } else {
            registry.consentFor(r.id()).filter(ConsentRegistry.Consent::active)
                    .ifPresent(c -> b.append(revokeButton(c.id(), csrf)));
        }
        return Html.page("Запрос согласия — госуслуги", b.toString(), true);
    }

    String notifications(Person me) {
        List<ConsentRegistry.Notification> list = registry.notificationsOf(me.oid());
        StringBuilder b = new StringBuilder();
        b.append(back(ProfileHandler.PREFIX, "Профиль")).append("<h1>Уведомления</h1>");
        if (list.isEmpty()) {
            b.append("<p class=\"muted\" id=\"no-notifications\">Уведомлений нет</p>");
        }
        for (ConsentRegistry.Notification n : list) {
            b.append("<div class=\"card\" id=\"notification-").append(esc(n.id())).append("\"><h3>").append(esc(n.title()))
                    .append(n.read() ? "" : " <small class=\"muted\">· новое</small>").append("</h3><p>")
                    .append(esc(n.text())).append("</p><p class=\"meta\">").append(DATE_TIME.format(n.created()))
                    .append("</p><p><a href=\"")
                    .append(n.requestId() == null ? ProfileHandler.CONSENTS : requestLink(n.requestId()))
                    .append("\">Перейти к запросу</a></p></div>");
        }
        return Html.page("Уведомления — госуслуги", b.toString(), true);
    }

    String problem(String title, String text) {
        return Html.page(title + " — госуслуги", back(ProfileHandler.CONSENTS, "Согласия и доверенности")
                + "<h1>" + esc(title) + "</h1><div class=\"error\" role=\"alert\">" + esc(text) + "</div>", true);
    }

    private String statusLine(ConsentRegistry.ConsentRequest r, long me) {
        return switch (r.status()) {
            case PENDING -> "Ожидает решения";
            case DECLINED -> "Запрос отклонён " + by(r.decidedBy(), me, r.studentOid());
            case APPROVED -> {
                String line = "Согласие выдано " + by(r.decidedBy(), me, r.studentOid());
                Optional<ConsentRegistry.Consent> c = registry.consentFor(r.id());
                yield c.isPresent() && !c.get().active() ? line + ", отозвано " + DATE.format(c.get().revoked()) : line;
            }
        };
    }

    private static String decisionButtons(String requestId, String csrf) {
        String fields = Html.hidden("request", requestId) + Html.hidden(CsrfTokens.FIELD, csrf);
        return "<div class=\"actions\"><form method=\"post\" action=\"" + ProfileHandler.DECISION + "\">" + fields
                + "<button type=\"submit\" name=\"decision\" value=\"approve\" id=\"approve-" + esc(requestId)
                + "\">Подтвердить</button></form><form method=\"post\" action=\"" + ProfileHandler.DECISION + "\">" + fields
                + "<button type=\"submit\" name=\"decision\" value=\"decline\" class=\"secondary\" id=\"decline-"
                + esc(requestId) + "\">Отклонить</button></form></div>";
    }

    private static String revokeButton(String consentId, String csrf) {
        return "<form method=\"post\" action=\"" + ProfileHandler.REVOKE + "\">" + Html.hidden("consent", consentId)
                + Html.hidden(CsrfTokens.FIELD, csrf) + "<button type=\"submit\" class=\"secondary\" id=\"revoke-"
                + esc(consentId) + "\">Отозвать</button></form>";
    }

    /** The child's full name, or «Ваши персональные данные» for the adult's own. */
    private String whose(long studentOid, long me) {
        return studentOid == me ? "Ваши персональные данные"
                : persons.find(studentOid).map(Person::displayName).orElse("—");
    }

    /** «вами», «другим родителем» (or «учащимся» for a consent the student granted themself). */
    private static String by(Long actor, long me, long studentOid) {
        if (actor == null) {
            return "";
        }
        if (actor == me) {
            return "вами";
        }
        return actor == studentOid ? "учащимся" : "другим родителем";
    }

    private static String requestLink(String requestId) {
        return ProfileHandler.CONSENTS + "/" + Responses.encode(requestId);
    }

    private static String back(String href, String text) {
        return "<a class=\"back\" href=\"" + href + "\">← " + esc(text) + "</a>";
    }

    private static String esc(String s) {
        return Html.esc(s);
    }
}
