package ru.esiaedu.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

/** «Контактные данные»: the guide's exact words, both languages, the form as posted, an error shown safely. */
class ContactThemeTest {

    private static final String PAGE = "esia-contact-details.ftl";

    @Test
    void theGuidesWordsAreExact() throws Exception {
        Properties ru = EsiaEduThemeTest.messages("ru");
        assertThat(ru.getProperty("esiaContactTitle")).isEqualTo("Контактные данные");
        assertThat(ru.getProperty("esiaContactEmail")).isEqualTo("Электронная почта");
        assertThat(ru.getProperty("esiaContactEmailHint")).isEqualTo("Необходима для восстановления пароля");
        assertThat(ru.getProperty("esiaContactJournalMailCopy"))
                .isEqualTo("Дублировать сообщения Электронного журнала на электронную почту");
        assertThat(ru.getProperty("esiaContactMarkReadOnOpen"))
                .isEqualTo("Отмечать сообщение прочитанным при его открытии на электронной почте");
        assertThat(ru.getProperty("esiaContactSubmit")).isEqualTo("Регистрация");
    }

    @Test
    void everyKeyThePageAndTheStepUseExistsInRussianAndEnglish() throws Exception {
        Set<String> keys = new HashSet<>();
        Matcher m = EsiaEduThemeTest.MSG.matcher(EsiaEduThemeTest.read(EsiaEduThemeTest.BASE + PAGE));
        while (m.find()) {
            keys.add(m.group(1));
        }
        // the field errors the step sets (ru.esiaedu.contact.ContactEmail, ContactForm)
        keys.addAll(Set.of("esiaContactEmailRequired", "esiaContactEmailTooLong", "esiaContactEmailOneAddress",
                "esiaContactEmailInvalid", "esiaContactEmailTaken"));
        for (String locale : new String[] {"ru", "en"}) {
            assertThat(EsiaEduThemeTest.messages(locale).stringPropertyNames()).as(locale).containsAll(keys);
        }
    }

    @Test
    void theFormPostsTheAddressAndBothBoxesToTheLoginActionWithoutASkipButton() throws Exception {
        String html = ThemeRenderer.render(PAGE, Map.of("esiaContactMode", "email",
                "esiaContactValues", Map.of("email", "", "esiaEduJournalMailCopy", false, "esiaEduMarkReadOnOpen", false)), Map.of());

        assertThat(html).contains("action=\"http://localhost/realms/school/login-actions/authenticate?code=c1\"",
                "name=\"email\"", "type=\"email\"", "autocomplete=\"email\"", "aria-describedby=\"esia-contact-email-hint\"",
                "name=\"esiaEduJournalMailCopy\"", "name=\"esiaEduMarkReadOnOpen\"", "<label for=\"esiaEduJournalMailCopy\"",
                "id=\"esia-contact-register\"", "onsubmit=\"register.disabled = true; return true;\"");
        assertThat(html).doesNotContain("checked");
        String text = ThemeRenderer.text(html);
        assertThat(text).contains("Контактные данные", "Электронная почта", "Необходима для восстановления пароля", "Регистрация")
                .doesNotContain("Пропустить", "Электронная почта из Госуслуг");
    }

    @Test
    void aRefusedAddressIsShownAgainEscapedWithItsErrorAndTheTicksKept() throws Exception {
        String typed = "\"><script>alert(1)</script>";
        String html = ThemeRenderer.render(PAGE, Map.of("esiaContactMode", "email",
                "esiaContactValues", Map.of("email", typed, "esiaEduJournalMailCopy", true, "esiaEduMarkReadOnOpen", false),
                "messagesPerField", new EmailError("Проверьте адрес электронной почты: он должен выглядеть как name@example.ru.")),
                Map.of());

        assertThat(html).doesNotContain("<script>alert(1)</script>")
                .contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", "aria-invalid=\"true\"",
                        "Проверьте адрес электронной почты");
        assertThat(html.replaceAll("\\s+", " ")).containsPattern("id=\"esiaEduJournalMailCopy\" name=\"esiaEduJournalMailCopy\" value=\"on\" checked");
        assertThat(html.replaceAll("\\s+", " ")).doesNotContainPattern("name=\"esiaEduMarkReadOnOpen\" value=\"on\" aria-describedby=\"esia-contact-mark-read-hint\" checked");
    }

    @Test
    void theChoicesOnlyPageShowsTheGosuslugiAddressAndHasNoAddressField() throws Exception {
        String html = ThemeRenderer.render(PAGE, Map.of("esiaContactMode", "choices", "esiaContactEsiaEmail", "olga@mail.ru",
                "esiaContactValues", Map.of("email", "", "esiaEduJournalMailCopy", false, "esiaEduMarkReadOnOpen", false)), Map.of());

        assertThat(html).doesNotContain("name=\"email\"");
        assertThat(ThemeRenderer.text(html)).contains("Электронная почта из Госуслуг: olga@mail.ru",
                "Дублировать сообщения Электронного журнала на электронную почту");
    }

    /** Keycloak's {@code messagesPerField} with an error on the e-mail field. */
    public static final class EmailError {
        private final String message;

        EmailError(String message) {
            this.message = message;
        }

        public boolean existsError(String... fields) {
            return Set.of(fields).contains("email");
        }

        public boolean exists(String field) {
            return "email".equals(field);
        }

        public String get(String field) {
            return "email".equals(field) ? message : "";
        }

        public String getFirstError(String... fields) {
            return existsError(fields) ? message : "";
        }
    }
}
