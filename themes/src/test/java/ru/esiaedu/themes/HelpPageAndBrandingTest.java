package ru.esiaedu.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.esiaedu.themes.EsiaEduThemeTest.BASE;
import static ru.esiaedu.themes.EsiaEduThemeTest.messages;
import static ru.esiaedu.themes.EsiaEduThemeTest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;

/** The help page, the shared template with the operator's logo, the login form switch, the link page's search. */
class HelpPageAndBrandingTest {

    private static final String HELP_URL = "http://localhost/realms/school/esia-help";
    private static final Map<String, Object> ESIA = Map.of("providers", List.of(Map.of("alias", "esia", "providerId", "esia",
            "displayName", "Госуслуги", "loginUrl", "http://localhost/realms/school/broker/esia/login")));

    private static final Pattern ESIA_EDU_BLOCK = Pattern.compile("(?ms)^[ \\t]*<#-- esia-edu -->.*?<#-- /esia-edu -->\\n");
    /** A block that replaces parent lines keeps them in its first comment. */
    private static final Pattern REPLACED_BLOCK = Pattern.compile("(?ms)^<#-- esia-edu replaced\\n(.*?\\n)-->\\n.*?<#-- /esia-edu -->\\n");

    @Test
    void ourTemplateIsKeycloakV2sWithMarkedInsertionsOnly() throws IOException {
        String parent;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("theme/keycloak.v2/login/template.ftl")) {
            assertThat(in).as("keycloak-themes on the test classpath").isNotNull();
            parent = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String ours = read(BASE + "template.ftl");
        // Keycloak changed its template if this fails: merge the change into ours, keeping the marked blocks.
        String restored = REPLACED_BLOCK.matcher(ours).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        assertThat(ESIA_EDU_BLOCK.matcher(restored).replaceAll("")).isEqualTo(parent);
        assertThat(ours).contains("id=\"esia-operator-logo\"", "msg(\"esiaOperatorLogoAlt\")", "#global esiaHelpUrl",
                "class=\"esia-edu-skip-link\"", "<#if !(esiaHelpPage??)>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"template.ftl", "footer.ftl", "login.ftl", "esia-help.ftl", "esia-link.ftl", "esia-role-select.ftl"})
    void thePagesParse(String page) throws IOException {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_32);
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE); // as Keycloak renders them (?no_esc needs it)
        new Template(page, new StringReader(read(BASE + page)), configuration);
    }

    @Test
    void theHelpPageShowsEverySectionOtherPagesLinkToAndTheRegionsErrorTexts() throws Exception {
        String html = ThemeRenderer.render("esia-help.ftl", Map.of("esiaHelpPage", true, "esiaHelpUrl", HELP_URL), Map.of());
        String text = ThemeRenderer.text(html);

        assertThat(ru.esiaedu.themes.help.EsiaHelpPage.SECTIONS)
                .containsExactlyInAnyOrder("roles", "child-account", "teen-account", "link-account", "consent", "errors");
        for (String anchor : ru.esiaedu.themes.help.EsiaHelpPage.SECTIONS) {
            assertThat(html).as(anchor).contains("id=\"" + anchor + "\"").contains("href=\"#" + anchor + "\"");
        }
        assertThat(text).contains("В систему «Электронная школа» входят только через учётную запись портала Госуслуг",
                "С выбранной учётной записью портала Госуслуг не связан ни один пользователь системы",
                "Ваш дневник не найден", "Для входа в дневник нужно согласие одного из родителей",
                "Согласия и доверенности", "Семья и дети", "Привязать учётную запись", "Обратиться в организацию",
                "Нет нужной организации", "Предоставить");
        assertThat(html).contains("lang=\"ru\"").doesNotContain("id=\"esia-help-footer\"", "id=\"esia-help-language-note\"");
        assertThat(html.split("<h1", -1)).as("the layout's title is the only h1").hasSize(2);
    }

    @Test
    void theHelpPageTellsAnotherLanguagesReaderThatItIsInRussian() throws Exception {
        String html = ThemeRenderer.render("esia-help.ftl", Map.of("esiaHelpPage", true,
                "locale", Map.of("currentLanguageTag", "en")), Map.of());

        assertThat(html).contains("id=\"esia-help-language-note\"");
    }

    @Test
    void theHelpPageIsServedByARegisteredRealmResource() {
        // What Keycloak does at start-up: load every registered factory; the help page's path is the factory's id.
        assertThat(java.util.ServiceLoader.load(org.keycloak.services.resource.RealmResourceProviderFactory.class).stream()
                .map(java.util.ServiceLoader.Provider::get).map(org.keycloak.provider.ProviderFactory::getId))
                .contains("esia-help");
    }

    @Test
    void aPageWithItsOwnHelpLinkGetsNoSecondOneInTheFooter() throws Exception {
        String roles = ThemeRenderer.render("esia-role-select.ftl", Map.of("esiaHelpUrl", HELP_URL,
                "esiaRoles", List.of("parent", "student", "staff")), Map.of());
        assertThat(roles).contains("id=\"esia-help\" href=\"" + HELP_URL + "\"").doesNotContain("esia-help-footer");

        String login = ThemeRenderer.render("login.ftl", Map.of("esiaHelpUrl", HELP_URL, "social", ESIA), Map.of());
        assertThat(login).contains("id=\"esia-howto\" href=\"" + HELP_URL + "\"").doesNotContain("esia-help-footer");
    }

    @Test
    void aPageWithoutItsOwnHelpLinkGetsTheFootersOne() throws Exception {
        // The login page without the ESIA provider has no «Как войти» link of its own.
        String login = ThemeRenderer.render("login.ftl", Map.of("esiaHelpUrl", HELP_URL, "social", Map.of()), Map.of());

        assertThat(login).contains("id=\"esia-help-footer\" href=\"" + HELP_URL + "\"").doesNotContain("esia-howto");
    }

    @Test
    void thePasswordFormIsHiddenCollapsedOrShownAsTheRealmOverrideOrTheThemePropertySays() throws Exception {
        assertThat(passwordForm(null, null)).as("default").isEqualTo("hidden");
        assertThat(passwordForm("collapsed", null)).isEqualTo("collapsed");
        assertThat(passwordForm("shown", null)).isEqualTo("shown");
        assertThat(passwordForm("sometimes", null)).as("an unknown value hides it").isEqualTo("hidden");
        assertThat(passwordForm("hidden", " Collapsed ")).as("the realm override wins").isEqualTo("collapsed");
        assertThat(passwordForm("collapsed", "shown")).isEqualTo("shown");

        String withoutEsia = ThemeRenderer.render("login.ftl", Map.of("social", Map.of(),
                "properties", Map.of("esiaPasswordForm", "hidden", "kcFormClass", "pf-v5-c-form")), Map.of());
        assertThat(withoutEsia).as("without ESIA nobody could sign in otherwise").contains("id=\"kc-form-login\"");
        assertThat(messages("ru").getProperty("esiaPasswordForm")).isEmpty();
        assertThat(read(BASE + "theme.properties")).contains("esiaPasswordForm=${env.ESIA_EDU_PASSWORD_FORM:hidden}");
    }

    /** What the login page with the ESIA button does with the password form: hidden, collapsed or shown. */
    private static String passwordForm(String themeProperty, String realmOverride) throws Exception {
        Map<String, Object> model = new java.util.HashMap<>(Map.of("social", ESIA));
        if (themeProperty != null) {
            model.put("properties", Map.of("esiaPasswordForm", themeProperty, "kcFormClass", "pf-v5-c-form"));
        }
        String html = ThemeRenderer.render("login.ftl", model,
                realmOverride == null ? Map.of() : Map.of("esiaPasswordForm", realmOverride));
        assertThat(html).as("the ESIA button comes first").contains("id=\"social-esia\"");
        boolean form = html.contains("id=\"kc-form-login\"");
        boolean details = html.contains("<details id=\"esia-password-login\"");
        return !form ? "hidden" : details ? "collapsed" : "shown";
    }

    @Test
    void theLinkPageHasAnAccessibleSearchRememberMeAndForgotPassword() throws Exception {
        java.util.Map<String, Object> realm = new java.util.HashMap<>(java.util.Map.of("name", "school",
                "displayName", "Электронная школа", "password", true, "rememberMe", true, "resetPasswordAllowed", false,
                "registrationAllowed", false, "loginWithEmailAllowed", true, "registrationEmailAsUsername", false));
        java.util.Map<String, Object> url = java.util.Map.of(
                "loginAction", "http://localhost/realms/school/login-actions/authenticate?code=c1",
                "loginUrl", "http://localhost/realms/school/login-actions/authenticate",
                "loginRestartFlowUrl", "http://localhost/realms/school/login-actions/restart");
        String page = ThemeRenderer.render("esia-link.ftl", java.util.Map.of("esiaLinkMode", "form", "realm", realm,
                "url", url,
                "esiaLinkOrganisations", List.of(java.util.Map.of("id", "gym-chel-5", "name", "Гимназия № 5",
                        "municipality", "Челябинск")), "properties", java.util.Map.of()), java.util.Map.of());
        assertThat(page).contains("<label for=\"organisationQuery\"", "aria-describedby=\"organisationQuery-hint esia-org-count\"",
                "role=\"status\" aria-live=\"polite\"", "name=\"search\"", "id=\"kc-login\"", "id=\"esia-link-exit\"",
                "id=\"esia-link-forgot-password\"", "value=\"gym-chel-5\"");
        String text = ThemeRenderer.text(page);
        assertThat(text).contains(messages("ru").getProperty("esiaLinkForgotPassword"), "Гимназия № 5",
                messages("ru").getProperty("esiaLinkRememberMe"));
        assertThat(messages("ru").getProperty("esiaLinkForgotPassword")).isEqualTo("Забыли пароль?");
        assertThat(messages("ru").getProperty("esiaLinkRememberMe")).isEqualTo("Оставаться в системе");
    }

    @Test
    void configurationKeysDefaultToEmptyAndTheBlockIsAppendedOnce() throws IOException {
        for (String locale : new String[] {"ru", "en"}) {
            Properties messages = messages(locale);
            for (String key : List.of("esiaOperatorLogoUrl", "esiaOperatorLogoAlt", "esiaHelpUrl", "esiaPasswordForm",
                    "esiaLinkForgotPasswordUrl")) {
                assertThat(messages.getProperty(key)).as(locale + ":" + key).isEmpty();
            }
            String file = read(BASE + "messages/messages_" + locale + ".properties");
            Matcher header = Pattern.compile("(?m)^# theme: help page, portal, branding$").matcher(file);
            assertThat(header.find()).isTrue();
            assertThat(header.find()).isFalse();
        }
        assertThat(messages("ru").getProperty("esiaLinkOrganisationCount")).contains("{0}");
    }
}
