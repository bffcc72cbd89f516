package ru.esiaedu.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The theme's pages and messages agree, the seed texts are exact, and the theme is declared. */
class EsiaEduThemeTest {

    static final String BASE = "theme/esia-edu/login/";
    static final Pattern MSG = Pattern.compile("msg\\(\"([A-Za-z0-9_.]+)\"");

    static String read(String path) throws IOException {
        try (InputStream in = EsiaEduThemeTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Properties messages(String locale) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EsiaEduThemeTest.class.getClassLoader()
                .getResourceAsStream(BASE + "messages/messages_" + locale + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"esia-role-select.ftl", "esia-not-found.ftl", "esia-profile-select.ftl",
            "esia-registry-unavailable.ftl", "login.ftl", "esia-help.ftl", "template.ftl", "footer.ftl", "esia-link.ftl"})
    void everyEsiaKeyAPageUsesExistsInRussianAndEnglish(String page) throws IOException {
        String ftl = read(BASE + page);
        Set<String> keys = new HashSet<>();
        Matcher m = MSG.matcher(ftl);
        while (m.find()) {
            if (m.group(1).startsWith("esia") && !m.group(1).endsWith(".")) {
                keys.add(m.group(1));
            }
        }
        // keys built from a variable: every value the authenticators can pass
        for (String role : new String[] {"parent", "student", "staff"}) {
            if (ftl.contains("\"esiaRole.\" + role")) {
                keys.add("esiaRole." + role);
            }
            if (ftl.contains("\"esiaProfileRole.\" + profile.role")) {
                keys.add("esiaProfileRole." + role);
            }
        }
        for (String locale : new String[] {"ru", "en"}) {
            assertThat(messages(locale).stringPropertyNames()).as(page + " / " + locale).containsAll(keys);
        }
    }

    @Test
    void russianAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(messages("en").stringPropertyNames()).isEqualTo(messages("ru").stringPropertyNames());
    }

    @Test
    void seedTextsAreExact() throws IOException {
        Properties ru = messages("ru");
        assertThat(ru.getProperty("esiaNotFoundTitle")).isEqualTo("Запись не найдена");
        assertThat(ru.getProperty("esiaNotFoundText"))
                .isEqualTo("С выбранной учётной записью портала Госуслуг не связан ни один пользователь системы");
        assertThat(ru.getProperty("esiaNotFoundInstruction")).isEqualTo("Перейдите на страницу Привязать учетную запись и "
                + "следуйте дальнейшим инструкциям или нажмите «Выход» для выбора другого способа авторизации.");
        assertThat(ru.getProperty("esiaNotFoundLink")).isEqualTo("Привязать учётную запись");
        assertThat(ru.getProperty("esiaNotFoundRequest")).isEqualTo("Обратиться в организацию");
        assertThat(ru.getProperty("esiaExit")).isEqualTo("Выход");
        assertThat(ru.getProperty("esiaRoleSelectTitle")).isEqualTo("Войти с ролью");
        assertThat(ru.getProperty("esiaRole.parent")).isEqualTo("Вход для родителей");
        assertThat(ru.getProperty("esiaRole.student")).isEqualTo("Вход для учащихся");
        assertThat(ru.getProperty("esiaRole.staff")).isEqualTo("Вход для педагогов и сотрудников");
        assertThat(ru.getProperty("esiaProfileMissing")).isEqualTo("Нет нужной организации");
        assertThat(ru.getProperty("esiaLoginButton")).isEqualTo("Войти через Госуслуги");
        assertThat(ru.getProperty("esiaHowToLink")).isEqualTo("Как войти через Госуслуги (ЕСИА)");
    }

    @Test
    void noStrayApostrophesForMessageFormat() throws IOException {
        for (String locale : new String[] {"ru", "en"}) {
            messages(locale).forEach((key, value) ->
                    assertThat(value.toString().replace("''", "")).as(locale + ":" + key).doesNotContain("'"));
        }
    }

    @Test
    void pagesPostToTheLoginActionWithRealButtons() throws IOException {
        for (String page : new String[] {"esia-role-select.ftl", "esia-not-found.ftl", "esia-profile-select.ftl",
                "esia-registry-unavailable.ftl"}) {
            String ftl = read(BASE + page);
            assertThat(ftl).as(page).contains("action=\"${url.loginAction}\"").contains("<button type=\"submit\"")
                    .contains("<#import \"template.ftl\" as layout>");
        }
        String notFound = read(BASE + "esia-not-found.ftl");
        assertThat(notFound).contains("name=\"action\" value=\"link\"", "name=\"action\" value=\"request\"",
                "name=\"action\" value=\"exit\"");
    }

    @Test
    void themeIsDeclaredAndKeepsTheParentStyles() throws IOException {
        assertThat(read("META-INF/keycloak-themes.json")).contains("\"esia-edu\"").contains("\"login\"");
        String properties = read(BASE + "theme.properties");
        assertThat(properties).contains("parent=keycloak.v2").contains("styles=css/styles.css css/esia-edu.css")
                .contains("locales=ru,en");
    }
}
