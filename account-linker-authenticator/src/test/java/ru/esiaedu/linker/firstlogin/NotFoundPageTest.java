package ru.esiaedu.linker.firstlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModelEx;

/**
 * «Запись не найдена» rendered with FreeMarker as Keycloak does (HTML auto-escaping, MessageFormat messages) inside a
 * stub of keycloak.v2's layout: the generic text for parents and staff, the required text for students by age, with the
 * feedback form as a link only when configured, and the page's actions unchanged.
 */
class NotFoundPageTest {

    static final Path LOGIN = Path.of("..", "themes", "src", "main", "resources", "theme", "esia-edu", "login");

    static final String LAYOUT = """
            <#macro registrationLayout displayMessage=true displayInfo=false>
            <html><head><title><#nested "header"></title></head><body>
            <h1 id="kc-page-title"><#nested "header"></h1>
            <#if displayMessage && message?has_content><div id="kc-message" class="${message.type}">${message.summary}</div></#if>
            <#nested "form">
            </body></html>
            </#macro>
            """;

    static String render(String page, String language, Map<String, Object> attributes) throws IOException, TemplateException {
        StringTemplateLoader layout = new StringTemplateLoader();
        layout.putTemplate("template.ftl", LAYOUT);
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_32);
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {layout, new FileTemplateLoader(LOGIN.toFile())}));
        configuration.setDefaultEncoding("UTF-8");

        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(LOGIN.resolve("messages/messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        Locale locale = Locale.forLanguageTag(language);
        Map<String, Object> model = new HashMap<>(attributes);
        model.put("msg", (TemplateMethodModelEx) arguments -> {
            List<?> args = arguments;
            String key = args.get(0).toString();
            Object[] params = args.subList(1, args.size()).stream().map(Object::toString).toArray();
            return new MessageFormat(messages.getProperty(key, key), locale).format(params);
        });
        model.put("url", Map.of("loginAction", "http://localhost/realms/school/login-actions/first-broker-login?code=c1"));
        model.put("properties", Map.of("kcButtonPrimaryClass", "pf-v5-c-button pf-m-primary",
                "kcButtonSecondaryClass", "pf-v5-c-button pf-m-secondary", "kcButtonBlockClass", "pf-m-block",
                "kcFormClass", "pf-v5-c-form", "kcContentWrapperClass", "kc-content"));
        StringWriter out = new StringWriter();
        configuration.getTemplate(page).process(model, out);
        return out.toString();
    }

    /**
     * The theme's Russian messages of {@code keys}, joined by a space: the required wording is owned by
     * messages_ru.properties (themes' tests hold it to the required text); these tests check what the page renders.
     */
    private static String ru(String... keys) throws IOException {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(LOGIN.resolve("messages/messages_ru.properties"), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        List<String> texts = new java.util.ArrayList<>();
        for (String key : keys) {
            assertThat(messages.getProperty(key)).as(key).isNotBlank();
            texts.add(messages.getProperty(key));
        }
        return String.join(" ", texts);
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").trim();
    }

    @Test
    void parentsAndStaffSeeTheGenericText() throws Exception {
        String html = render("esia-not-found.ftl", "ru", Map.of("esiaOfferLink", true));
        assertThat(text(html)).contains(ru("esiaNotFoundText"))
                .doesNotContain(ru("esiaNotFoundStudentMinor"), ru("esiaNotFoundStudentAdult"));
        assertThat(html).doesNotContain("esia-not-found-student");
    }

    @Test
    void aMinorStudentSeesTheSeedTextWithTheFeedbackLink() throws Exception {
        String html = render("esia-not-found.ftl", "ru", Map.of("esiaOfferLink", true, "esiaNotFoundStudent", "minor",
                "esiaFeedbackUrl", "http://localhost:3000/feedback?a=1&b=2"));
        assertThat(text(html)).contains(ru("esiaNotFoundStudentMinor", "esiaNotFoundFeedbackLink"))
                .doesNotContain(ru("esiaNotFoundText"));
        assertThat(html).contains("<a id=\"esia-feedback-link\" href=\"http://localhost:3000/feedback?a=1&amp;b=2\"")
                .contains("data-audience=\"minor\"");
    }

    @Test
    void anAdultStudentIsAskedToReportItThemself() throws Exception {
        String html = render("esia-not-found.ftl", "ru", Map.of("esiaOfferLink", true, "esiaNotFoundStudent", "adult",
                "esiaFeedbackUrl", "https://feedback.example.ru/"));
        assertThat(text(html)).contains(ru("esiaNotFoundStudentAdult", "esiaNotFoundFeedbackLink"))
                .doesNotContain(ru("esiaNotFoundStudentMinor"));
    }

    @Test
    void withoutAConfiguredFormTheWordsStayPlainText() throws Exception {
        String html = render("esia-not-found.ftl", "ru", Map.of("esiaOfferLink", true, "esiaNotFoundStudent", "minor"));
        assertThat(html).doesNotContain("esia-feedback-link").contains("<span id=\"esia-feedback-text\">" + ru("esiaNotFoundFeedbackLink") + "</span>");
    }

    @Test
    void theActionsStayForStudentsToo() throws Exception {
        String html = render("esia-not-found.ftl", "ru", Map.of("esiaOfferLink", true, "esiaNotFoundStudent", "adult"));
        assertThat(html).contains("id=\"esia-link\"", "id=\"esia-request\"", "id=\"esia-exit\"",
                "name=\"action\" value=\"link\"", "name=\"action\" value=\"request\"", "name=\"action\" value=\"exit\"");
        assertThat(text(html)).contains(ru("esiaNotFoundLink"), ru("esiaNotFoundRequest"), "Выход", ru("esiaNotFoundTitle"));
        assertThat(render("esia-not-found.ftl", "ru", Map.of("esiaOfferLink", false, "esiaNotFoundStudent", "minor")))
                .doesNotContain("id=\"esia-link\"").contains("id=\"esia-request\"");
    }

    @Test
    void englishHasTheSamePage() throws Exception {
        String html = render("esia-not-found.ftl", "en", Map.of("esiaOfferLink", true, "esiaNotFoundStudent", "minor",
                "esiaFeedbackUrl", "https://feedback.example.ru/"));
        assertThat(text(html)).contains("Your school diary was not found. To solve the problem, ask your parents to report "
                + "it using the feedback form");
    }
}
