package ru.esiaedu.consent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConsentRequestEmailTest {

    static final String LINK = "https://id.example.ru/realms/school/protocol/openid-connect/auth?client_id=a&role=parent";

    @Test
    void theParentMailHasFirstNameClassSystemAndLinkInTextAndHtml() {
        ConsentRequestEmail email = ConsentRequestEmail.forParent(ConsentMailTexts.defaults(), "Амина", "4В",
                "Электронный дневник", LINK);

        assertThat(email.subject()).isEqualTo("Запрос согласия на вход ребёнка в электронный дневник");
        assertThat(email.textBody()).startsWith("Здравствуйте!\n\n")
                .contains("Для входа ребёнка (Амина, класс 4В) в систему «Электронный дневник» через Госуслуги")
                .contains("перейдите по ссылке и войдите через Госуслуги как родитель:\n" + LINK)
                .endsWith("Письмо отправлено автоматически, отвечать на него не нужно.\n");
        assertThat(email.htmlBody()).startsWith("<html><body>").endsWith("</body></html>")
                .contains("<a href=\"" + LINK.replace("&", "&amp;") + "\">Рассмотреть запрос</a>")
                .contains("Амина, класс 4В");
        assertThat(email.toString()).doesNotContain("Амина");
    }

    @Test
    void withoutClassOrNameTheSentenceStillReads() {
        assertThat(ConsentRequestEmail.forParent(ConsentMailTexts.defaults(), "Амина", null, "Дневник", LINK).textBody())
                .contains("Для входа ребёнка (Амина) в систему «Дневник»");
        assertThat(ConsentRequestEmail.forParent(ConsentMailTexts.defaults(), " ", "4В", "Дневник", LINK).textBody())
                .contains("Для входа вашего ребёнка в систему «Дневник»").doesNotContain("4В");
    }

    @Test
    void withoutALinkTheMailSaysWhereToSignIn() {
        ConsentRequestEmail email = ConsentRequestEmail.forParent(ConsentMailTexts.defaults(), "Амина", "4В", "Дневник", null);
        assertThat(email.textBody()).contains("войдите в систему «Дневник» через Госуслуги как родитель.")
                .doesNotContain("перейдите по ссылке");
        assertThat(email.htmlBody()).doesNotContain("<a ");
    }

    @Test
    void theStudentMailAsksForTheirOwnConsent() {
        ConsentRequestEmail email = ConsentRequestEmail.forStudent(ConsentMailTexts.defaults(), "Дневник", LINK);
        assertThat(email.subject()).isEqualTo("Запрос согласия на обработку персональных данных для входа в электронный дневник");
        assertThat(email.textBody()).contains("нужно ваше согласие", "Чтобы дать согласие, перейдите по ссылке", LINK);
    }

    @Test
    void namesAreEscapedInHtml() {
        ConsentRequestEmail email = ConsentRequestEmail.forParent(ConsentMailTexts.defaults(), "<script>", "4\"В",
                "A & B", LINK);
        assertThat(email.htmlBody()).contains("&lt;script&gt;", "4&quot;В", "A &amp; B").doesNotContain("<script>");
    }

    @Test
    void themeTextsOverrideTheBuiltInOnesAndMissingKeysFallBack() {
        Map<String, String> bundle = Map.of(ConsentMailTexts.SUBJECT, "Consent request",
                ConsentMailTexts.GREETING, "Hello,",
                ConsentMailTexts.TEXT, "Your child {0} needs consent for {1}.");
        ConsentMailTexts texts = ConsentMailTexts.of(bundle::get, Locale.ENGLISH);
        ConsentRequestEmail email = ConsentRequestEmail.forParent(texts, "Amina", "4B", "Diary", LINK);

        assertThat(email.subject()).isEqualTo("Consent request");
        assertThat(email.textBody()).startsWith("Hello,\n\n")
                .contains("Your child Amina, класс 4B needs consent for Diary.")
                .contains("Письмо отправлено автоматически");
    }
}
