package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** Renders the Russian HTML pages: login (OAuth and personal account), consent («Предоставление прав доступа»), errors, logout. */
final class LoginPage {
    /** Russian names of the scopes, as the consent page lists them. */
    static final Map<String, String> SCOPE_NAMES = Map.ofEntries(
            Map.entry("openid", "Идентификатор учётной записи"),
            Map.entry("fullname", "Фамилия, имя и отчество"),
            Map.entry("birthdate", "Дата рождения"),
            Map.entry("gender", "Пол"),
            Map.entry("snils", "СНИЛС"),
            Map.entry("inn", "ИНН"),
            Map.entry("id_doc", "Данные документа, удостоверяющего личность"),
            Map.entry("birthplace", "Место рождения"),
            Map.entry("citizenship", "Гражданство"),
            Map.entry("birth_cert_doc", "Свидетельство о рождении"),
            Map.entry("medical_doc", "Полис ОМС"),
            Map.entry("email", "Адрес электронной почты"),
            Map.entry("mobile", "Номер мобильного телефона"),
            Map.entry("contacts", "Контактные данные"),
            Map.entry("addresses", "Адреса"),
            Map.entry("usr_org", "Организации, в которых вы работаете"),
            Map.entry("kid_fullname", "Фамилия, имя и отчество детей"),
            Map.entry("kid_birthdate", "Даты рождения детей"),
            Map.entry("kid_gender", "Пол детей"),
            Map.entry("kid_snils", "СНИЛС детей"),
            Map.entry("kid_inn", "ИНН детей"),
            Map.entry("kid_birth_cert_doc", "Свидетельства о рождении детей"),
            Map.entry("kid_medical_doc", "Полисы ОМС детей"));

    private final PersonDirectory persons;
    private final int quickButtons;

    LoginPage(PersonDirectory persons) {
        this(persons, Integer.MAX_VALUE);
    }

    /** {@code quickButtons}: how many one-click persons the page lists (a generated file of thousands would make every page megabytes). */
    LoginPage(PersonDirectory persons, int quickButtons) {
        this.persons = persons;
        this.quickButtons = quickButtons;
    }

    String login(PendingAuthorizations.Pending p, String error) {
        return loginForm(hidden("pending", p.id()), p.request().client().name(), error);
    }

    /**
     * The same form for the personal account ({@code GET /login?return=/profile/…}): no client system behind it,
     * the hidden {@code return} says where to go once signed in.
     */
    String profileLogin(String returnTo, String error) {
        return loginForm(hidden("return", returnTo), "Личный кабинет", error);
    }

    /** After «Отмена» on the personal-account login: nothing to return to. */
    String profileLoginCancelled(String returnTo) {
        return page("Вход отменён — госуслуги", "<h1>Вход отменён</h1><p><a id=\"login-again\" href=\""
                + esc(LoginHandler.LOGIN_PATH + "?return=" + Responses.encode(returnTo)) + "\">Войти</a></p>");
    }

    private String loginForm(String hiddenField, String subtitle, String error) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Вход</h1><p class=\"client\">").append(esc(subtitle)).append("</p>");
        if (error != null) {
            b.append("<div class=\"error\" role=\"alert\">").append(esc(error)).append("</div>");
        }
        b.append("<form method=\"post\" action=\"").append(LoginHandler.LOGIN_PATH).append("\">").append(hiddenField)
                .append("<label for=\"login\">Телефон / Email / СНИЛС</label>")
                .append("<input type=\"text\" id=\"login\" name=\"login\" autocomplete=\"username\" required>")
                .append("<label for=\"password\">Пароль</label>")
                .append("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>")
                .append("<button type=\"submit\" id=\"submit\">Войти</button></form>")
                .append("<form method=\"post\" action=\"").append(LoginHandler.LOGIN_PATH).append("\">").append(hiddenField)
                .append("<button type=\"submit\" name=\"action\" value=\"cancel\" class=\"secondary\" id=\"cancel\">Отмена</button></form>");
        b.append("<h2>Тестовые пользователи (вход в один клик)</h2><div class=\"persons\">");
        for (Person person : persons.all().stream().limit(quickButtons).toList()) {
            b.append("<form method=\"post\" action=\"").append(LoginHandler.LOGIN_PATH).append("\">").append(hiddenField)
                    .append("<button type=\"submit\" name=\"quick\" value=\"").append(person.oid()).append("\">")
                    .append(esc(person.displayName())).append("<br><small>").append(esc(person.accountKind()))
                    .append(person.description() == null ? "" : " · " + esc(person.description()))
                    .append("</small></button></form>");
        }
        b.append("</div>");
        return page("Вход — госуслуги", b.toString());
    }

    String consent(PendingAuthorizations.Pending p, Person person) {
        AuthorizationRequest req = p.request();
        StringBuilder b = new StringBuilder();
        b.append("<h1>Предоставление прав доступа</h1><p class=\"client\">Система «").append(esc(req.client().name()))
                .append("» запрашивает доступ к данным учётной записи ").append(esc(person.displayName())).append(":</p><ul>");
        for (String scope : req.scopes()) {
            b.append("<li>").append(esc(SCOPE_NAMES.getOrDefault(scope, scope))).append("</li>");
        }
        b.append("</ul>");
        if (req.permissions() != null && !req.permissions().isEmpty()) {
            b.append("<p>А также согласия:</p><ul>");
            try {
                for (JsonNode consent : Json.MAPPER.readTree(Base64Url.decodeLenient(req.permissions()))) {
                    b.append("<li>").append(esc(consent.path("sysname").asText())).append(" — ")
                            .append(esc(consent.path("responsibleObject").asText())).append("</li>");
                }
            } catch (java.io.IOException e) {
                // validated at the authorization request; nothing to show otherwise
            }
            b.append("</ul>");
        }
        String pendingField = hidden("pending", p.id());
        b.append("<form method=\"post\" action=\"").append(LoginHandler.CONSENT_PATH).append("\">").append(pendingField)
                .append("<button type=\"submit\" name=\"decision\" value=\"grant\" id=\"grant\">Предоставить</button>")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\" class=\"secondary\" id=\"deny\">Отказать</button></form>");
        return page("Предоставление прав доступа — госуслуги", b.toString());
    }

    String error(String code, String text) {
        return page("Ошибка — госуслуги", "<h1>Ошибка</h1><div class=\"error\" role=\"alert\">" + esc(code) + ": "
                + esc(text) + "</div>");
    }

    String loggedOut() {
        return page("Выход — госуслуги", "<h1>Вы вышли из учётной записи</h1>");
    }

    private static String hidden(String name, String value) {
        return Html.hidden(name, value);
    }

    private static String page(String title, String body) {
        return Html.page(title, body);
    }

    private static String esc(String s) {
        return Html.esc(s);
    }
}
