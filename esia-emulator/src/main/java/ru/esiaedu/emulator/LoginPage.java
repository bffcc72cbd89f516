package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** Renders the Russian HTML pages: login, consent («Предоставление прав доступа»), errors, logout. */
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

    private static final String STYLE = """
            body{margin:0;font-family:Arial,Helvetica,sans-serif;background:#f5f7fa;color:#0b1f33}
            header{background:#fff;border-bottom:1px solid #e1e6ee;padding:12px 16px;font-weight:bold;font-size:22px;color:#0d4cd3}
            header small{display:block;font-weight:normal;font-size:12px;color:#66727f}
            main{max-width:420px;margin:16px auto;background:#fff;border-radius:8px;padding:20px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
            h1{font-size:24px;margin:0 0 4px} .client{color:#66727f;margin:0 0 16px}
            label{display:block;margin:12px 0 4px;font-size:14px}
            input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:10px;font-size:16px;border:1px solid #b0bac6;border-radius:6px}
            button{width:100%;padding:12px;margin-top:12px;font-size:16px;border-radius:6px;border:0;background:#0d4cd3;color:#fff;cursor:pointer}
            button.secondary{background:#e9eef5;color:#0d4cd3}
            .error{background:#fde8e8;color:#b00020;padding:10px;border-radius:6px;margin:8px 0}
            .persons button{text-align:left;background:#fff;color:#0b1f33;border:1px solid #d0d7e0;margin-top:6px;font-size:14px}
            .persons small{color:#66727f} ul{padding-left:20px} h2{font-size:16px;margin-top:24px}
            """;

    private final PersonDirectory persons;

    LoginPage(PersonDirectory persons) {
        this.persons = persons;
    }

    String login(PendingAuthorizations.Pending p, String error) {
        String pendingField = hidden("pending", p.id());
        StringBuilder b = new StringBuilder();
        b.append("<h1>Вход</h1><p class=\"client\">").append(esc(p.request().client().name())).append("</p>");
        if (error != null) {
            b.append("<div class=\"error\" role=\"alert\">").append(esc(error)).append("</div>");
        }
        b.append("<form method=\"post\" action=\"").append(LoginHandler.LOGIN_PATH).append("\">").append(pendingField)
                .append("<label for=\"login\">Телефон / Email / СНИЛС</label>")
                .append("<input type=\"text\" id=\"login\" name=\"login\" autocomplete=\"username\" required>")
                .append("<label for=\"password\">Пароль</label>")
                .append("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>")
                .append("<button type=\"submit\" id=\"submit\">Войти</button></form>")
                .append("<form method=\"post\" action=\"").append(LoginHandler.LOGIN_PATH).append("\">").append(pendingField)
                .append("<button type=\"submit\" name=\"action\" value=\"cancel\" class=\"secondary\" id=\"cancel\">Отмена</button></form>");
        b.append("<h2>Тестовые пользователи (вход в один клик)</h2><div class=\"persons\">");
        for (Person person : persons.all()) {
            b.append("<form method=\"post\" action=\"").append(LoginHandler.LOGIN_PATH).append("\">").append(pendingField)
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
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value) + "\">";
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + "</title><style>" + STYLE + "</style></head><body>"
                + "<header>госуслуги<small>Единая система идентификации и аутентификации (эмулятор)</small></header>"
                + "<main>" + body + "</main></body></html>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
