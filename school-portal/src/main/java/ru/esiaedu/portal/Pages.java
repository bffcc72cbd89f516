package ru.esiaedu.portal;

import static ru.esiaedu.portal.Html.esc;

import java.util.List;

/**
 * The portal's pages: Russian, phone first (one column, 48 px buttons), one {@code h1} each, landmarks, a
 * skip link, labelled controls, visible focus. The element ids the browser tests read are fixed:
 * {@code portal-user-name}, {@code portal-role}, {@code portal-organisation}, {@code portal-class},
 * {@code portal-login-parent|student|staff}, {@code portal-login}, {@code portal-logout}.
 */
final class Pages {

    private final String platformName;
    private final String helpUrl;
    private final boolean demoHints;

    Pages(String platformName, String helpUrl, boolean demoHints) {
        this.platformName = platformName;
        this.helpUrl = helpUrl;
        this.demoHints = demoHints;
    }

    String signedOut(String notice) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Вход в систему</h1>\n");
        if (notice != null) {
            body.append("<p class=\"notice\" role=\"status\">").append(esc(notice)).append("</p>\n");
        }
        body.append("""
                <p class="lead">В соответствии с законодательством РФ вход в систему выполняется через учётную запись
                портала Госуслуг (ЕСИА). Выберите, в какой роли вы входите.</p>
                <ul class="actions" aria-label="Войти через Госуслуги">
                  <li><a class="button gosuslugi" id="portal-login-parent" href="/login?role=parent">Войти через Госуслуги как родитель</a></li>
                  <li><a class="button gosuslugi" id="portal-login-student" href="/login?role=student">Войти через Госуслуги как учащийся</a></li>
                  <li><a class="button gosuslugi" id="portal-login-staff" href="/login?role=staff">Войти через Госуслуги как сотрудник</a></li>
                  <li><a class="button secondary" id="portal-login" href="/login" aria-describedby="portal-login-hint">Войти</a>
                      <span class="hint" id="portal-login-hint">роль выбирается на странице входа</span></li>
                </ul>
                """);
        body.append(links());
        if (demoHints) {
            body.append(DEMO_PERSONS);
        }
        return page("Вход в систему", body.toString());
    }

    String signedIn(SignedInUser user, String csrf) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Вы вошли как <span id=\"portal-user-name\">").append(esc(user.fullName())).append("</span></h1>\n");
        SignedInUser.Profile current = user.profile().orElse(null);
        body.append("<dl class=\"profile\" aria-label=\"Профиль этого входа\">\n");
        body.append("  <div><dt>Роль</dt><dd id=\"portal-role\">")
                .append(current == null ? "не выбрана" : esc(current.roleName())).append("</dd></div>\n");
        body.append("  <div><dt>Организация</dt><dd id=\"portal-organisation\">")
                .append(current == null ? "—" : esc(current.organisationName())).append("</dd></div>\n");
        body.append("  <div><dt>Класс</dt><dd id=\"portal-class\">")
                .append(current == null || current.className().isBlank() ? "—" : esc(current.className())).append("</dd></div>\n");
        body.append("</dl>\n");
        List<SignedInUser.Profile> profiles = user.profiles();
        body.append("<h2 id=\"portal-profiles-title\">Все ваши профили</h2>\n");
        if (profiles.isEmpty()) {
            body.append("<p id=\"portal-profiles-none\">Профили школьного реестра не переданы.</p>\n");
        } else {
            body.append("<ul class=\"profiles\" id=\"portal-profiles\" aria-labelledby=\"portal-profiles-title\">\n");
            for (SignedInUser.Profile profile : profiles) {
                boolean isCurrent = profile.sameAccount(current);
                body.append("  <li").append(isCurrent ? " class=\"current\" aria-current=\"true\"" : "").append(">")
                        .append("<span class=\"role\">").append(esc(profile.roleName())).append("</span> ")
                        .append("<span class=\"org\">").append(esc(profile.organisationName())).append("</span>");
                if (!profile.className().isBlank()) {
                    body.append(" <span class=\"class\">класс ").append(esc(profile.className())).append("</span>");
                }
                if (isCurrent) {
                    body.append(" <span class=\"badge\">этот вход</span>");
                }
                body.append("</li>\n");
            }
            body.append("</ul>\n");
            if (profiles.size() > 1) {
                body.append("<p class=\"hint\">Чтобы работать с другим профилем, выйдите и войдите снова: "
                        + "на странице «Выберите организацию» выберите нужный.</p>\n");
            }
        }
        body.append("<form method=\"post\" action=\"/logout\" class=\"actions\">\n")
                .append("  <input type=\"hidden\" name=\"csrf\" value=\"").append(esc(csrf)).append("\">\n")
                .append("  <button type=\"submit\" class=\"button secondary\" id=\"portal-logout\">Выйти</button>\n")
                .append("</form>\n");
        if (current != null && "PARENT".equals(current.role())) {
            body.append("<p><a id=\"portal-consents\" href=\"/consents\">Согласия на вход детей в систему</a></p>\n");
        }
        body.append(links());
        return page("Вы вошли", body.toString());
    }

    String feedback() {
        String body = """
                <h1>Форма обратной связи</h1>
                <p class="lead">Опишите проблему со входом: например, «Ваш дневник не найден» или «нужно согласие родителя».
                Сообщение получит служба поддержки оператора.</p>
                <form method="post" action="/feedback" class="form" novalidate>
                  <div class="field"><label for="feedback-name">Ваши фамилия и имя</label>
                    <input id="feedback-name" name="name" type="text" autocomplete="name" required maxlength="150"></div>
                  <div class="field"><label for="feedback-email">E-mail для ответа</label>
                    <input id="feedback-email" name="email" type="email" autocomplete="email" required maxlength="200"
                           aria-describedby="feedback-email-hint">
                    <p class="hint" id="feedback-email-hint">Сюда придёт ответ.</p></div>
                  <div class="field"><label for="feedback-message">Сообщение</label>
                    <textarea id="feedback-message" name="message" rows="6" required maxlength="4000"></textarea></div>
                  <button type="submit" class="button primary" id="feedback-send">Отправить</button>
                </form>
                <p><a href="/">На главную</a></p>
                """;
        return page("Форма обратной связи", body);
    }

    String feedbackSent(int number, List<String> problems) {
        StringBuilder body = new StringBuilder("<h1>Форма обратной связи</h1>\n");
        if (!problems.isEmpty()) {
            body.append("<div class=\"notice error\" role=\"alert\"><p>Проверьте форму:</p><ul>");
            problems.forEach(p -> body.append("<li>").append(esc(p)).append("</li>"));
            body.append("</ul></div>\n<p><a href=\"/feedback\">Вернуться к форме</a></p>\n");
            return page("Форма обратной связи", body.toString());
        }
        body.append("<p class=\"notice\" role=\"status\" id=\"feedback-sent\">Спасибо! Сообщение № ").append(number)
                .append(" принято. (Это демо: сообщения никуда не отправляются.)</p>\n<p><a href=\"/\">На главную</a></p>\n");
        return page("Сообщение отправлено", body.toString());
    }

    String error(String title, String text) {
        String body = "<h1>" + esc(title) + "</h1>\n<p class=\"notice error\" role=\"alert\" id=\"portal-error\">" + esc(text)
                + "</p>\n<p class=\"actions\"><a class=\"button primary\" href=\"/\">На главную</a></p>\n" + links();
        return page(title, body);
    }

    private String links() {
        return "<nav class=\"links\" aria-label=\"Помощь\"><ul>"
                + "<li><a id=\"portal-help\" href=\"" + esc(helpUrl) + "\">Как войти через Госуслуги (ЕСИА)</a></li>"
                + "<li><a id=\"portal-feedback\" href=\"/feedback\">Форма обратной связи</a></li>"
                + "</ul></nav>\n";
    }

    private String page(String title, String main) {
        return "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(title) + " — " + esc(platformName) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"/static/portal.css\">\n</head>\n<body>\n"
                + "<a class=\"skip\" href=\"#main\">К содержанию</a>\n"
                + "<header class=\"site\"><a class=\"brand\" href=\"/\" id=\"portal-platform\">" + esc(platformName) + "</a>"
                + "<span class=\"tag\">школьный портал</span></header>\n"
                + "<main id=\"main\">\n" + main + "</main>\n"
                + "<footer class=\"site\"><p>Демонстрационный портал: показывает, кто вошёл через Keycloak и ЕСИА.</p></footer>\n"
                + "</body>\n</html>\n";
    }

    /** Who to pick at the (emulated) Gosuslugi page for each scenario; the README's table in short. */
    private static final String DEMO_PERSONS = """
            <details class="demo" id="portal-demo-persons">
              <summary>Демо: кого выбрать на странице Госуслуг</summary>
              <p>Пароль на эмуляторе Госуслуг: <code>Esia-Demo-2026</code>; старые логины школы — пароль <code>Sgo-2024!</code>.</p>
              <div class="table-wrap" tabindex="0" role="region" aria-label="Тестовые люди">
              <table>
                <thead><tr><th scope="col">Человек (oid)</th><th scope="col">Роль</th><th scope="col">Что будет</th></tr></thead>
                <tbody>
                  <tr><td>Захарченко Диана (1000300101)</td><td>родитель</td><td>найдена по телефону → СОШ № 1; вторую школу можно привязать логином <code>zakharchenko.d</code></td></tr>
                  <tr><td>Соколова Елена (1000300102)</td><td>сотрудник, затем родитель</td><td>педагог по СНИЛС (СОШ № 1), родитель по e-mail (Гимназия № 5): два профиля</td></tr>
                  <tr><td>Петров Никита (1000300103), 19 лет</td><td>учащийся</td><td>найден по СНИЛС (11А)</td></tr>
                  <tr><td>Джалилов Резида (1000300104), 15 лет</td><td>учащийся</td><td>найден по e-mail (9Б)</td></tr>
                  <tr><td>Джалилова Амина (1000300105), детская учётная запись</td><td>учащийся</td><td>найдена по ФИО, дате рождения и свидетельству</td></tr>
                  <tr><td>Соколов Артём (1000300109), детская учётная запись</td><td>учащийся</td><td>найден по ФИО и свидетельству</td></tr>
                  <tr><td>Морозова Ольга (1000300107)</td><td>родитель</td><td>не найдена → «Привязать учётную запись» или «Обратиться в организацию»</td></tr>
                  <tr><td>Кузнецов Игорь (1000300106)</td><td>любая</td><td>отказ: учётная запись не подтверждена</td></tr>
                  <tr><td>Васильев Павел (1000300108)</td><td>любая</td><td>Госуслуги отказывают во входе</td></tr>
                </tbody>
              </table>
              </div>
            </details>
            """;
}
