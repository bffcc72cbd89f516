package ru.esiaedu.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The consent-check pages: keys in both languages, exact seed texts, forms with stable ids. */
class ConsentThemeTest {

    private static final Pattern CHOSEN = Pattern.compile("then\\(\"([A-Za-z.]+)\", \"([A-Za-z.]+)\"\\)");

    @ParameterizedTest
    @ValueSource(strings = {"esia-consent-required.ftl", "esia-consent-unavailable.ftl", "esia-not-found.ftl"})
    void everyKeyAConsentPageUsesExistsInRussianAndEnglish(String page) throws IOException {
        String ftl = EsiaEduThemeTest.read(EsiaEduThemeTest.BASE + page);
        Set<String> keys = new HashSet<>();
        for (Pattern pattern : new Pattern[] {EsiaEduThemeTest.MSG, CHOSEN}) {
            Matcher m = pattern.matcher(ftl);
            while (m.find()) {
                for (int g = 1; g <= m.groupCount(); g++) {
                    keys.add(m.group(g));
                }
            }
        }
        assertThat(keys).isNotEmpty();
        for (String locale : new String[] {"ru", "en"}) {
            assertThat(EsiaEduThemeTest.messages(locale).stringPropertyNames()).as(page + " / " + locale).containsAll(keys);
        }
    }

    @Test
    void seed002TextsAreExact() throws IOException {
        Properties ru = EsiaEduThemeTest.messages("ru");
        assertThat(ru.getProperty("esiaConsentMinorLead") + " " + ru.getProperty("esiaConsentMinorGosuslugi")).isEqualTo(
                "Для входа в дневник нужно согласие одного из родителей. Согласия уже запрошены автоматически — родителям "
                        + "в их личные кабинеты на портале Госуслуг придут уведомления. Чтобы выдать согласие, одному из "
                        + "родителей нужно перейти по ссылке из уведомления.");
        assertThat(ru.getProperty("esiaConsentAdultLead") + " " + ru.getProperty("esiaConsentAdultGosuslugi")).isEqualTo(
                "Для входа в дневник необходимо согласие. Перейдите по ссылке из уведомления, направленного в ваш личный "
                        + "кабинет на Госуслугах.");
        assertThat(ru.getProperty("esiaConsentUnavailableText")).isEqualTo("Не удалось проверить согласие: сервис согласий "
                + "сейчас не отвечает. Попробуйте войти через несколько минут.");
        assertThat(ru.getProperty("esiaNotFoundStudentMinor")).isEqualTo(
                "Ваш дневник не найден. Чтобы решить проблему, попросите родителей сообщить о ней через");
        assertThat(ru.getProperty("esiaNotFoundStudentAdult")).isEqualTo(
                "Ваш дневник не найден. Чтобы решить проблему, сообщите о ней через");
        assertThat(ru.getProperty("esiaNotFoundFeedbackLink")).isEqualTo("форму обратной связи");
        assertThat(ru.getProperty("esiaConsentMinorPlatform") + ru.getProperty("esiaConsentAdultPlatform"))
                .doesNotContain("Госуслуг");
    }

    @Test
    void thePagesPostToTheLoginActionWithRealButtonsAndStableIds() throws IOException {
        String required = EsiaEduThemeTest.read(EsiaEduThemeTest.BASE + "esia-consent-required.ftl");
        assertThat(required).contains("action=\"${url.loginAction}\"", "<button type=\"submit\"", "<#import \"template.ftl\" as layout>",
                "id=\"esia-consent-recheck\"", "value=\"recheck\"", "id=\"esia-consent-approve\"", "value=\"approve\"",
                "id=\"esia-consent-agree\"", "name=\"consentAgree\"", "<label for=\"esia-consent-agree\"", "id=\"esia-exit\"",
                "id=\"esia-consent-help\"");
        String unavailable = EsiaEduThemeTest.read(EsiaEduThemeTest.BASE + "esia-consent-unavailable.ftl");
        assertThat(unavailable).contains("action=\"${url.loginAction}\"", "<button type=\"submit\"", "id=\"esia-consent-retry\"",
                "value=\"retry\"", "id=\"esia-exit\"", "role=\"alert\"");
    }
}
