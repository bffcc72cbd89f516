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

    private static final Pattern ESIA_EDU_BLOCK = Pattern.compile("(?ms)^[ \\t]*<#-- esia-edu -->.*?<#-- /esia-edu -->\\n");
    /** A block that replaces parent lines keeps them in its first comment. */
    private static final Pattern REPLACED_BLOCK = Pattern.compile("(?ms)^<#-- esia-edu replaced\\n(.*?\\n)-->\\n.*?<#-- /esia-edu -->\\n");

    @Test
    void our_template_is_keycloak_v2s_with_marked_insertions_only() throws IOException {
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
    void the_pages_parse(String page) throws IOException {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_32);
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE); // as Keycloak renders them (?no_esc needs it)
        new Template(page, new StringReader(read(BASE + page)), configuration);
    }

    @Test
    void the_help_page_has_the_anchors_other_pages_link_to_and_the_seed_error_texts() throws IOException {
        String help = read(BASE + "esia-help.ftl");
        assertThat(ru.esiaedu.themes.help.EsiaHelpPage.SECTIONS)
                .containsExactlyInAnyOrder("roles", "child-account", "teen-account", "link-account", "consent", "errors");
        for (String anchor : ru.esiaedu.themes.help.EsiaHelpPage.SECTIONS) {
            assertThat(help).as(anchor).contains("id=\"" + anchor + "\"").contains("href=\"#" + anchor + "\"");
        }
        assertThat(help).contains("lang=\"ru\"",
                "С выбранной учётной записью портала Госуслуг не связан ни один пользователь системы",
                "Ваш дневник не найден", "Для входа в дневник нужно согласие одного из родителей",
                "Согласия и доверенности", "Семья и дети", "Привязать учётную запись", "Обратиться в организацию",
                "Нет нужной организации", "Предоставить");
        assertThat(help).doesNotContain("<h1");
    }

    @Test
    void the_help_page_is_served_by_a_registered_realm_resource() throws IOException {
        assertThat(read("META-INF/services/org.keycloak.services.resource.RealmResourceProviderFactory"))
                .contains("ru.esiaedu.themes.help.EsiaHelpResourceFactory");
        assertThat(ru.esiaedu.themes.help.EsiaHelpResourceFactory.ID).isEqualTo("esia-help");
    }

    @Test
    void pages_link_to_the_help_page_through_the_global_and_the_footer_covers_the_others() throws IOException {
        assertThat(read(BASE + "login.ftl")).contains("href=\"${esiaHelpUrl}\"", "<#global esiaHelpLinkShown = true>");
        assertThat(read(BASE + "esia-role-select.ftl")).contains("href=\"${esiaHelpUrl}\"", "<#global esiaHelpLinkShown = true>");
        assertThat(read(BASE + "footer.ftl")).contains("id=\"esia-help-footer\"", "!(esiaHelpLinkShown??)", "!(esiaHelpPage??)");
        assertThat(read(BASE + "template.ftl")).contains("url.loginUrl?keep_before_last(\"/login-actions/\") + \"/esia-help\"");
    }

    @Test
    void the_password_form_mode_comes_from_a_realm_override_or_the_environment() throws IOException {
        String login = read(BASE + "login.ftl");
        assertThat(login).contains("msg(\"esiaPasswordForm\")", "properties.esiaPasswordForm", "\"shown\", \"collapsed\", \"hidden\"",
                "<details id=\"esia-password-login\"", "<#if esiaFormMode != \"hidden\">");
        assertThat(read(BASE + "theme.properties")).contains("esiaPasswordForm=${env.ESIA_EDU_PASSWORD_FORM:hidden}");
        assertThat(messages("ru").getProperty("esiaPasswordForm")).isEmpty();
    }

    @Test
    void the_link_page_has_an_accessible_search_remember_me_and_forgot_password() throws IOException {
        String link = read(BASE + "esia-link.ftl");
        assertThat(link).contains("<label for=\"organisationQuery\"", "aria-describedby=\"organisationQuery-hint esia-org-count\"",
                "role=\"status\" aria-live=\"polite\"", "name=\"search\"", "id=\"organisation\" name=\"organisation\"",
                "esiaLinkRememberMe", "id=\"esia-link-forgot-password\"",
                "id=\"kc-login\"", "id=\"esia-link-exit\"");
        Properties ru = messages("ru");
        assertThat(ru.getProperty("esiaLinkForgotPassword")).isEqualTo("Забыли пароль?");
        assertThat(ru.getProperty("esiaLinkRememberMe")).isEqualTo("Оставаться в системе");
    }

    @Test
    void configuration_keys_default_to_empty_and_the_block_is_appended_once() throws IOException {
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
