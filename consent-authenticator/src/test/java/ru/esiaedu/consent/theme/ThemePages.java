package ru.esiaedu.consent.theme;

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

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModelEx;

/**
 * Renders the login theme's pages the way Keycloak does (FreeMarker 2.3.32, HTML auto-escaping, messages through
 * {@link MessageFormat}) inside a stub of keycloak.v2's {@code template.ftl}, so a page's texts, ids and forms can be
 * checked without a server.
 */
final class ThemePages {

    static final Path LOGIN = Path.of("..", "themes", "src", "main", "resources", "theme", "esia-edu", "login");
    static final String LOGIN_ACTION = "http://localhost/realms/school/login-actions/post-broker-login?code=c1";

    private static final String LAYOUT = """
            <#macro registrationLayout displayMessage=true displayInfo=false>
            <html><head><title><#nested "header"></title></head><body>
            <h1 id="kc-page-title"><#nested "header"></h1>
            <#if displayMessage && message?has_content><div id="kc-message" class="alert-${message.type}">${message.summary}</div></#if>
            <#nested "form">
            </body></html>
            </#macro>
            """;

    private ThemePages() {
    }

    static Properties messages(String language) throws IOException {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(LOGIN.resolve("messages/messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages;
    }

    static String render(String page, String language, Map<String, Object> attributes) throws IOException, TemplateException {
        return render(page, language, attributes, Map.of());
    }

    /** @param overrides message keys replaced as a realm's localisation texts would */
    static String render(String page, String language, Map<String, Object> attributes, Map<String, String> overrides)
            throws IOException, TemplateException {
        StringTemplateLoader layout = new StringTemplateLoader();
        layout.putTemplate("template.ftl", LAYOUT);
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_32);
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {layout, new FileTemplateLoader(LOGIN.toFile())}));

        Properties messages = messages(language);
        messages.putAll(overrides);
        Locale locale = Locale.forLanguageTag(language);
        Map<String, Object> model = new HashMap<>(attributes);
        model.put("msg", (TemplateMethodModelEx) arguments -> {
            List<?> args = arguments;
            String key = args.get(0).toString();
            Object[] params = args.subList(1, args.size()).stream().map(Object::toString).toArray();
            return new MessageFormat(messages.getProperty(key, key), locale).format(params);
        });
        model.put("url", Map.of("loginAction", LOGIN_ACTION));
        model.put("properties", Map.of("kcButtonPrimaryClass", "pf-v5-c-button pf-m-primary",
                "kcButtonSecondaryClass", "pf-v5-c-button pf-m-secondary", "kcButtonBlockClass", "pf-m-block",
                "kcFormClass", "pf-v5-c-form", "kcContentWrapperClass", "kc-content", "kcCheckboxClass", "pf-v5-c-check",
                "kcCheckboxInputClass", "pf-v5-c-check__input", "kcCheckboxLabelClass", "pf-v5-c-check__label"));
        StringWriter out = new StringWriter();
        configuration.getTemplate(page).process(model, out);
        return out.toString();
    }

    /** The visible text, tags removed and white space collapsed. */
    static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").replace(" .", ".").trim();
    }
}
