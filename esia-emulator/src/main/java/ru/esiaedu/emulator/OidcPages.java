package ru.esiaedu.emulator;

/** The OIDC mode's login and access pages: the ESIA emulator's forms, posting to the mode's own paths. */
final class OidcPages {
    private final PersonDirectory persons;
    private final int quickButtons;

    OidcPages(PersonDirectory persons, int quickButtons) {
        this.persons = persons;
        this.quickButtons = quickButtons;
    }

    String login(OidcGrants.Pending p, String error) {
        String pending = Html.hidden("pending", p.id());
        StringBuilder b = new StringBuilder();
        b.append("<h1>Вход (OpenID Connect)</h1><p class=\"client\">")
                .append(Html.esc(p.authorization().client().name())).append("</p>");
        if (error != null) {
            b.append("<div class=\"error\" role=\"alert\">").append(Html.esc(error)).append("</div>");
        }
        b.append("<form method=\"post\" action=\"").append(OidcHandler.LOGIN_PATH).append("\">").append(pending)
                .append("<label for=\"login\">Телефон / Email / СНИЛС</label>")
                .append("<input type=\"text\" id=\"login\" name=\"login\" autocomplete=\"username\" required>")
                .append("<label for=\"password\">Пароль</label>")
                .append("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>")
                .append("<button type=\"submit\" id=\"submit\">Войти</button></form>")
                .append("<form method=\"post\" action=\"").append(OidcHandler.LOGIN_PATH).append("\">").append(pending)
                .append("<button type=\"submit\" name=\"action\" value=\"cancel\" class=\"secondary\" id=\"cancel\">Отмена</button></form>");
        b.append("<h2>Тестовые пользователи (вход в один клик)</h2><div class=\"persons\">");
        for (Person person : persons.all().stream().limit(quickButtons).toList()) {
            b.append("<form method=\"post\" action=\"").append(OidcHandler.LOGIN_PATH).append("\">").append(pending)
                    .append("<button type=\"submit\" name=\"quick\" value=\"").append(person.oid()).append("\">")
                    .append(Html.esc(person.displayName())).append("<br><small>").append(Html.esc(person.accountKind()))
                    .append("</small></button></form>");
        }
        b.append("</div>");
        return Html.page("Вход — эмулятор OpenID Connect", b.toString());
    }

    String access(OidcGrants.Pending p, Person person) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Предоставление прав доступа</h1><p class=\"client\">Система «")
                .append(Html.esc(p.authorization().client().name()))
                .append("» запрашивает доступ к данным учётной записи ").append(Html.esc(person.displayName()))
                .append(":</p><ul>");
        for (String scope : p.authorization().scopes()) {
            b.append("<li>").append(Html.esc(scope)).append("</li>");
        }
        b.append("</ul><form method=\"post\" action=\"").append(OidcHandler.CONSENT_PATH).append("\">")
                .append(Html.hidden("pending", p.id()))
                .append("<button type=\"submit\" name=\"decision\" value=\"grant\" id=\"grant\">Предоставить</button>")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\" class=\"secondary\" id=\"deny\">Отказать</button></form>");
        return Html.page("Предоставление прав доступа — эмулятор OpenID Connect", b.toString());
    }

    String error(String text) {
        return Html.page("Ошибка — эмулятор OpenID Connect",
                "<h1>Ошибка</h1><div class=\"error\" role=\"alert\">" + Html.esc(text) + "</div>");
    }
}
