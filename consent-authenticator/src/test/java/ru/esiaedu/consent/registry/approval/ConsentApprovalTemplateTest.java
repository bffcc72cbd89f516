package ru.esiaedu.consent.registry.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateScalarModel;

import ru.esiaedu.consent.ConsentIds;
import ru.esiaedu.consent.registry.ConsentMailTexts;
import ru.esiaedu.consent.registry.FakeConsentRegistry;
import ru.esiaedu.registry.ConsentRequestStatus;
import ru.esiaedu.registry.RegistryRole;

/**
 * {@code esia-consent-approval.ftl} rendered as Keycloak renders it (FreeMarker 2.3.32, HTML auto-escaping, the
 * theme's {@code msg}) inside a stub of keycloak.v2's layout, with page data from {@link ApprovalPage}; and its
 * message keys in both languages.
 */
class ConsentApprovalTemplateTest {

    static final Path LOGIN = Path.of("..", "themes", "src", "main", "resources", "theme", "esia-edu", "login");
    static final String PAGE = ApprovalPage.TEMPLATE;
    static final String HEADER = "# consent approval (registry source)";

    /** keycloak.v2's layout reduced to the two sections the page fills. */
    static final String LAYOUT = "<#macro registrationLayout displayMessage=true displayInfo=false>"
            + "<h1 id=\"kc-page-title\"><#nested \"header\"></h1><#nested \"form\"></#macro>";

    static Properties messages(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(LOGIN.resolve("messages/messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Like Keycloak's MessageFormatterMethod: MessageFormat over the theme's messages, the key when missing. */
    static TemplateMethodModelEx msg(Properties messages) {
        return arguments -> {
            Object[] args = new Object[arguments.size() - 1];
            for (int i = 1; i < arguments.size(); i++) {
                args[i - 1] = ((TemplateScalarModel) arguments.get(i)).getAsString();
            }
            String key = ((TemplateModel) arguments.get(0)).toString();
            return new MessageFormat(messages.getProperty(key, key), Locale.forLanguageTag("ru")).format(args);
        };
    }

    static String render(Map<String, Object> attributes, String language) throws Exception {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_32);
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        StringTemplateLoader layout = new StringTemplateLoader();
        layout.putTemplate("template.ftl", LAYOUT);
        configuration.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {layout,
                new FileTemplateLoader(LOGIN.toFile())}));
        Map<String, Object> model = new HashMap<>(attributes);
        model.put("msg", msg(messages(language)));
        model.put("url", Map.of("loginAction", "https://id.example.ru/realms/school/login-actions/required-action?x=1"));
        model.put("properties", Map.of("kcButtonPrimaryClass", "pf-v5-c-button pf-m-primary",
                "kcButtonSecondaryClass", "pf-v5-c-button pf-m-secondary"));
        StringWriter out = new StringWriter();
        configuration.getTemplate(PAGE, "UTF-8").process(model, out);
        return out.toString();
    }

    static FakeConsentRegistry registryWithOneOfEach() {
        FakeConsentRegistry registry = new FakeConsentRegistry()
                .add(FakeConsentRegistry.account("acc-mother", RegistryRole.PARENT, null, "Захарченко", "Диана", List.of(), "oid-mother"))
                .add(FakeConsentRegistry.account("acc-amina", RegistryRole.STUDENT, "4В", "Джалилова", "Амина", List.of(), null))
                .add(FakeConsentRegistry.account("acc-rezida", RegistryRole.STUDENT, "9Б", "Джалилов", "<b>Резида</b>", List.of(), null))
                .parentOf("acc-amina", "acc-mother").parentOf("acc-rezida", "acc-mother");
        registry.putRequest("acc-amina", "school-portal", ConsentRequestStatus.PENDING, false, "acc-mother");
        var approved = registry.putRequest("acc-rezida", "school-portal", ConsentRequestStatus.PENDING, false, "acc-mother");
        try {
            registry.approveConsentRequest(approved.id(), "acc-mother", "oid-mother", "2026-11");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return registry;
    }

    static Map<String, Object> attributes(FakeConsentRegistry registry) throws Exception {
        return ApprovalPage.load(registry, "oid-mother", id -> "Электронный дневник")
                .attributes(ConsentIds.CONSENT_TEXT_VERSION, ZoneOffset.UTC);
    }

    @Test
    void aRequestAndAConsentWithTheirButtons() throws Exception {
        FakeConsentRegistry registry = registryWithOneOfEach();
        String html = render(attributes(registry), "ru");

        assertThat(html).contains("<h1 id=\"kc-page-title\">", "Согласия на обработку данных детей")
                .contains("action=\"https://id.example.ru/realms/school/login-actions/required-action?x=1\" method=\"post\"")
                .contains("id=\"approve-100\"", "value=\"approve:100\"", "id=\"decline-100\"", "value=\"decline:100\"")
                .contains("Подтвердить", "Отклонить")
                .contains("Джалилова Амина", "Класс: 4В", "МБОУ СОШ № 1", "«Электронный дневник»")
                .contains("Редакция текста согласия: " + ConsentIds.CONSENT_TEXT_VERSION)
                .contains("<li>фамилия, имя, отчество (ФИО)</li>", "<li>дата рождения</li>",
                        "<li>класс и образовательная организация</li>", "<li>оценки и расписание</li>")
                .contains("id=\"revoke-500\"", "value=\"revoke:500\"", "Отозвать", "Выдано 20.11.2026, редакция текста 2026-11")
                .contains("id=\"continue\"", "value=\"continue\"", "Продолжить")
                .doesNotContain("esia-consent-no-pending", "esia-consent-registry-down");
        // the decided request is not offered again
        assertThat(html).doesNotContain("approve-101");
        // only type=submit buttons, all in one form posting field "action"
        assertThat(count(html, "<button type=\"submit\" name=\"action\"")).isEqualTo(4);
        // continue is not autofocused while requests wait (consent must be an active choice)
        assertThat(html).doesNotContain("autofocus");
    }

    @Test
    void schoolDataIsEscaped() throws Exception {
        String html = render(attributes(registryWithOneOfEach()), "ru");
        assertThat(html).contains("Джалилов &lt;b&gt;Резида&lt;/b&gt;").doesNotContain("<b>Резида</b>");
    }

    @Test
    void nothingWaitingShowsANoteAndContinueFirst() throws Exception {
        FakeConsentRegistry registry = new FakeConsentRegistry()
                .add(FakeConsentRegistry.account("acc-mother", RegistryRole.PARENT, null, "Захарченко", "Диана", List.of(), "oid-mother"));
        String html = render(attributes(registry), "ru");

        assertThat(html).contains("id=\"esia-consent-no-pending\"", "Запросов, ожидающих вашего решения, нет.")
                .contains("id=\"continue\"").contains("autofocus")
                .doesNotContain("approve-", "revoke-", "esia-consent-granted-title");
    }

    @Test
    void registryDownShowsTheMessageAndOnlyContinue() throws Exception {
        String html = render(ApprovalPage.registryUnavailable().attributes(ConsentIds.CONSENT_TEXT_VERSION, ZoneOffset.UTC), "ru");

        assertThat(html).contains("id=\"esia-consent-registry-down\"", "Реестр сейчас недоступен, попробуйте позже")
                .contains("id=\"continue\"")
                .doesNotContain("approve-", "decline-", "revoke-", "esia-consent-no-pending");
        assertThat(count(html, "<button")).isEqualTo(1);
    }

    @Test
    void theEnglishPageRendersToo() throws Exception {
        String html = render(attributes(registryWithOneOfEach()), "en");
        assertThat(html).contains("Consents to process children", "Approve", "Decline", "Revoke", "Continue",
                "<li>date of birth</li>", "Consent text version: 2026-11");
    }

    @Test
    void everyKeyThePageAndTheCodeUseExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher matcher = Pattern.compile("msg\\(\"([A-Za-z.]+)\"")
                .matcher(Files.readString(LOGIN.resolve(PAGE), StandardCharsets.UTF_8));
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        used.addAll(List.of(ApprovalResult.GRANTED, ApprovalResult.DECLINED, ApprovalResult.REVOKED,
                ApprovalResult.NOT_YOURS, ApprovalResult.ALREADY));
        Properties ru = messages("ru");
        Properties en = messages("en");
        assertThat(used).hasSizeGreaterThan(20);
        assertThat(ru.stringPropertyNames()).containsAll(used);
        assertThat(en.stringPropertyNames()).containsAll(used);
        assertThat(ru.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    }

    @Test
    void theBriefWordingIsKept() throws IOException {
        Properties ru = messages("ru");
        assertThat(ru.getProperty("esiaConsentApprovalTitle")).isEqualTo("Согласия на обработку данных детей");
        assertThat(ru.getProperty("esiaConsentApprovalApprove")).isEqualTo("Подтвердить");
        assertThat(ru.getProperty("esiaConsentApprovalDecline")).isEqualTo("Отклонить");
        assertThat(ru.getProperty("esiaConsentApprovalRevoke")).isEqualTo("Отозвать");
        assertThat(ru.getProperty("esiaConsentApprovalContinue")).isEqualTo("Продолжить");
        assertThat(ru.getProperty("esiaConsentApprovalGranted")).isEqualTo("Согласие выдано");
        assertThat(ru.getProperty("esiaConsentApprovalDeclined")).isEqualTo("Запрос отклонён");
        assertThat(ru.getProperty("esiaConsentApprovalRevoked")).isEqualTo("Согласие отозвано");
        assertThat(ru.getProperty("esiaConsentApprovalRegistryDown")).isEqualTo("Реестр сейчас недоступен, попробуйте позже");
        assertThat(ru.getProperty("esiaConsentMailSubject")).isEqualTo("Запрос согласия на вход ребёнка в электронный дневник");
    }

    @Test
    void theMailDefaultsInJavaAreTheRussianThemeTexts() throws IOException {
        Properties ru = messages("ru");
        Properties en = messages("en");
        ConsentMailTexts fromTheme = ConsentMailTexts.of(ru::getProperty, Locale.forLanguageTag("ru"));
        ConsentMailTexts builtIn = ConsentMailTexts.defaults();
        List<String> mailKeys = ru.stringPropertyNames().stream().filter(key -> key.startsWith("esiaConsentMail"))
                .sorted().toList();
        // The mail texts: subject and body for parents and for the adult student, with and without a link.
        assertThat(mailKeys).hasSizeGreaterThanOrEqualTo(4);
        for (String key : mailKeys) {
            assertThat(builtIn.text(key, "A", "B")).as(key).isEqualTo(fromTheme.text(key, "A", "B"));
            assertThat(en.getProperty(key)).as(key).isNotBlank();
        }
    }

    @Test
    void apostrophesAreDoubledForMessageFormat() throws IOException {
        for (String language : List.of("ru", "en")) {
            java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();
            messages(language).forEach((key, value) -> {
                if (key.toString().startsWith("esiaConsentApproval") || key.toString().startsWith("esiaConsentMail")) {
                    assertThat(value.toString().replace("''", "")).as(language + ":" + key).doesNotContain("'");
                    checked.incrementAndGet();
                }
            });
            assertThat(checked.get()).as(language).isGreaterThan(4);
        }
    }

    @Test
    void theKeysSitUnderTheirHeader() throws IOException {
        for (String language : List.of("ru", "en")) {
            List<String> lines = Files.readAllLines(LOGIN.resolve("messages/messages_" + language + ".properties"),
                    StandardCharsets.UTF_8);
            int header = lines.indexOf(HEADER);
            assertThat(header).as(language).isPositive();
            for (int i = 0; i < header; i++) {
                assertThat(lines.get(i)).as(language + " line " + (i + 1))
                        .doesNotStartWith("esiaConsentApproval").doesNotStartWith("esiaConsentMail");
            }
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
