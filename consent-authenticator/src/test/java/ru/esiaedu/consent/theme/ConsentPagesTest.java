package ru.esiaedu.consent.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The consent pages rendered for each audience and source, in both languages's texts exact. */
class ConsentPagesTest {

    static final String REQUIRED = "esia-consent-required.ftl";
    static final String UNAVAILABLE = "esia-consent-unavailable.ftl";

    /*
     * The required wording is owned by the theme's messages_ru.properties (themes' ConsentThemeTest holds it to the
     * required text, word for word); these tests check that the pages render it, joined as the requirement reads.
     */
    static final String SEED_MINOR = ru("esiaConsentMinorLead", "esiaConsentMinorGosuslugi");
    static final String SEED_ADULT = ru("esiaConsentAdultLead", "esiaConsentAdultGosuslugi");
    static final String UNAVAILABLE_TEXT = ru("esiaConsentUnavailableText");

    /** The theme's Russian messages of {@code keys}, joined by a space; fails when one is missing. */
    static String ru(String... keys) {
        try {
            Properties ru = ThemePages.messages("ru");
            List<String> texts = new java.util.ArrayList<>();
            for (String key : keys) {
                assertThat(ru.getProperty(key)).as(key).isNotBlank();
                texts.add(ru.getProperty(key));
            }
            return String.join(" ", texts);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> page(boolean minor, String channel, boolean selfApproval) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("esiaConsentMinor", minor);
        attributes.put("esiaConsentChannel", channel);
        attributes.put("esiaConsentSelfApproval", selfApproval);
        attributes.put("esiaConsentOperator", "Школьный портал (демо)");
        return attributes;
    }

    private static String required(boolean minor, String channel, boolean selfApproval) throws Exception {
        return ThemePages.render(REQUIRED, "ru", page(minor, channel, selfApproval));
    }

    @Test
    void esiaMinorSeesSeed002TextExactly() throws Exception {
        String html = required(true, "gosuslugi", false);
        assertThat(ThemePages.text(html)).contains(SEED_MINOR);
        assertThat(html).contains("id=\"esia-consent-required\"", "data-audience=\"minor\"", "data-channel=\"gosuslugi\"");
    }

    @Test
    void esiaAdultSeesSeed002TextExactly() throws Exception {
        String html = required(false, "gosuslugi", false);
        assertThat(ThemePages.text(html)).contains(SEED_ADULT).doesNotContain("одного из родителей");
        assertThat(html).contains("data-audience=\"adult\"").doesNotContain("esia-consent-self-form");
    }

    @Test
    void everyPageHasTheRecheckAndExitButtonsPostingToTheLoginAction() throws Exception {
        for (boolean minor : new boolean[] {true, false}) {
            for (String channel : new String[] {"gosuslugi", "platform"}) {
                String html = required(minor, channel, true);
                assertThat(html).as(minor + "/" + channel)
                        .contains("<form id=\"esia-consent-required-form\"", "action=\"" + ThemePages.LOGIN_ACTION.replace("&", "&amp;") + "\"",
                                "method=\"post\"", "id=\"esia-consent-recheck\"", "name=\"action\" value=\"recheck\"",
                                "id=\"esia-exit\"", "name=\"action\" value=\"exit\"");
                assertThat(ThemePages.text(html)).contains("Согласие получено — войти", "Выход", "Нужно согласие на вход");
            }
        }
    }

    @Test
    void theRegistrySourceNeverPointsToGosuslugiNotifications() throws Exception {
        String minor = ThemePages.text(required(true, "platform", false));
        assertThat(minor).contains(ru("esiaConsentMinorLead", "esiaConsentMinorPlatform"),
                "родителям придут письма на электронную почту", "«Вход для родителей»")
                .doesNotContain("на портале Госуслуг", "на Госуслугах");
        String adult = ThemePages.text(required(false, "platform", false));
        assertThat(adult).contains(ru("esiaConsentAdultLead"), "электронную почту")
                .doesNotContain("на портале Госуслуг", "на Госуслугах");
    }

    @Test
    void aMailThatDidNotGoIsSaidInsteadOfPromisingIt() throws Exception {
        Map<String, Object> attributes = page(true, "platform", false);
        attributes.put("esiaConsentMailFailed", true);
        String minor = ThemePages.text(ThemePages.render(REQUIRED, "ru", attributes));
        assertThat(minor).contains(ru("esiaConsentMinorPlatformMailFailed"), "письмо родителям сейчас отправить не удалось",
                "при вашем следующем входе").doesNotContain("родителям придут письма");

        Map<String, Object> adult = page(false, "platform", false);
        adult.put("esiaConsentMailFailed", true);
        assertThat(ThemePages.text(ThemePages.render(REQUIRED, "ru", adult)))
                .contains(ru("esiaConsentAdultPlatformMailFailed")).doesNotContain(ru("esiaConsentAdultPlatform"));

        // Gosuslugi sends its own notifications: the flag means nothing there
        Map<String, Object> esia = page(true, "gosuslugi", false);
        esia.put("esiaConsentMailFailed", true);
        assertThat(ThemePages.text(ThemePages.render(REQUIRED, "ru", esia))).contains(SEED_MINOR);
    }

    @Test
    void theResendButtonIsOfferedOnlyWhenAskedForAndPostsResend() throws Exception {
        Map<String, Object> attributes = page(true, "platform", false);
        attributes.put("esiaConsentResend", true);
        String html = ThemePages.render(REQUIRED, "ru", attributes);
        assertThat(html).contains("id=\"esia-consent-resend\"", "name=\"action\" value=\"resend\"");
        assertThat(ThemePages.text(html)).contains("Отправить письмо ещё раз");
        assertThat(ThemePages.text(ThemePages.render(REQUIRED, "en", attributes))).contains("Send the e-mail again");
        assertThat(required(true, "platform", false)).doesNotContain("esia-consent-resend");
    }

    @Test
    void anAdultWithASelfApprovalSourceGetsTheConsentTextCheckboxAndButton() throws Exception {
        String html = required(false, "platform", true);
        assertThat(html).contains("<form id=\"esia-consent-self-form\"", "id=\"esia-consent-self-text\"",
                "type=\"checkbox\" id=\"esia-consent-agree\"", "name=\"consentAgree\" value=\"on\"",
                "<label for=\"esia-consent-agree\"", "id=\"esia-consent-approve\"", "name=\"action\" value=\"approve\"");
        String text = ThemePages.text(html);
        assertThat(text).contains("Согласие на обработку персональных данных", "«Школьный портал (демо)»",
                "Я даю согласие на обработку моих персональных данных", "Даю согласие")
                .doesNotContain("на Госуслугах");
        // the approval is the main action; the recheck is secondary and not autofocused
        assertThat(html).containsPattern("id=\"esia-consent-approve\"\\s+class=\"pf-v5-c-button pf-m-primary");
        assertThat(html).containsPattern("id=\"esia-consent-recheck\"\\s+class=\"pf-v5-c-button pf-m-secondary");
    }

    @Test
    void aMinorNeverGetsTheSelfApprovalForm() throws Exception {
        assertThat(required(true, "platform", true)).doesNotContain("esia-consent-self-form", "esia-consent-approve");
        assertThat(required(true, "gosuslugi", false)).containsPattern("id=\"esia-consent-recheck\"\\s+class=\"pf-v5-c-button pf-m-primary");
    }

    @Test
    void theHelpLinkGoesToTheConsentSectionOfTheHelpPageTheLayoutNames() throws Exception {
        assertThat(required(true, "gosuslugi", false)).doesNotContain("esia-consent-help");
        Map<String, Object> attributes = page(true, "gosuslugi", false);
        // template.ftl sets this global: the realm's /esia-help page or the operator's override
        attributes.put("esiaHelpUrl", "https://id.school.example.ru/realms/school/esia-help");
        String shown = ThemePages.render(REQUIRED, "ru", attributes);
        assertThat(shown).contains("<a id=\"esia-consent-help\" href=\"https://id.school.example.ru/realms/school/esia-help#consent\"");
        assertThat(ThemePages.text(shown)).contains("Как войти через Госуслуги");
    }

    @Test
    void messagesFromTheStepAreShown() throws Exception {
        Map<String, Object> attributes = page(false, "platform", true);
        attributes.put("message", Map.of("type", "error", "summary", "Отметьте, что вы даёте согласие на обработку персональных данных."));
        assertThat(ThemePages.render(REQUIRED, "ru", attributes)).contains("id=\"kc-message\"",
                "Отметьте, что вы даёте согласие на обработку персональных данных.");
    }

    @Test
    void theOperatorNameIsEscaped() throws Exception {
        Map<String, Object> attributes = page(false, "platform", true);
        attributes.put("esiaConsentOperator", "<script>x</script>");
        assertThat(ThemePages.render(REQUIRED, "ru", attributes)).doesNotContain("<script>x</script>").contains("&lt;script&gt;");
    }

    @Test
    void theUnavailablePageSaysSoAndOffersRetryAndExit() throws Exception {
        String html = ThemePages.render(UNAVAILABLE, "ru", Map.of());
        assertThat(ThemePages.text(html)).contains(UNAVAILABLE_TEXT, "Повторить", "Выход", "Не удалось проверить согласие");
        assertThat(html).contains("id=\"esia-consent-unavailable\"", "role=\"alert\"", "<form id=\"esia-consent-unavailable-form\"",
                "id=\"esia-consent-retry\"", "name=\"action\" value=\"retry\"", "id=\"esia-exit\"", "name=\"action\" value=\"exit\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void everyVariantRendersWithoutBareMessageKeys(String language) throws Exception {
        for (boolean minor : new boolean[] {true, false}) {
            for (String channel : new String[] {"gosuslugi", "platform"}) {
                for (boolean self : new boolean[] {true, false}) {
                    String text = ThemePages.text(ThemePages.render(REQUIRED, language, page(minor, channel, self)));
                    assertThat(text).as(language + minor + channel + self).doesNotContainPattern("esia[A-Z][A-Za-z.]+");
                }
            }
        }
        assertThat(ThemePages.text(ThemePages.render(UNAVAILABLE, language, Map.of()))).doesNotContainPattern("esia[A-Z][A-Za-z.]+");
    }

    @Test
    void englishKeepsTheMeaning() throws Exception {
        String minor = ThemePages.text(ThemePages.render(REQUIRED, "en", page(true, "gosuslugi", false)));
        assertThat(minor).contains("consent of one of your parents", "Gosuslugi", "Consent received: sign in");
    }

    @Test
    void everyKeyThePagesUseExistsInRussianAndEnglish() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern msg = Pattern.compile("msg\\(\"([A-Za-z.]+)\"");
        Pattern chosen = Pattern.compile("then\\(\"([A-Za-z.]+)\", \"([A-Za-z.]+)\"\\)");
        for (String page : List.of(REQUIRED, UNAVAILABLE, "esia-not-found.ftl")) {
            String ftl = Files.readString(ThemePages.LOGIN.resolve(page), StandardCharsets.UTF_8);
            for (Pattern pattern : List.of(msg, chosen)) {
                Matcher matcher = pattern.matcher(ftl);
                while (matcher.find()) {
                    for (int group = 1; group <= matcher.groupCount(); group++) {
                        used.add(matcher.group(group));
                    }
                }
            }
        }
        used.addAll(List.of("esiaConsentAgreeRequired", "esiaConsentSelfRefused", "esiaConsentNotYet",
                "esiaConsentMisconfigured", "esiaLinkerNoPerson"));   // set by ConsentCheckAuthenticator
        Properties ru = ThemePages.messages("ru");
        Properties en = ThemePages.messages("en");
        assertThat(used).hasSizeGreaterThan(25);
        assertThat(ru.stringPropertyNames()).containsAll(used);
        assertThat(en.stringPropertyNames()).containsAll(used);
    }
}
