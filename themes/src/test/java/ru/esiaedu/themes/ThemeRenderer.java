package ru.esiaedu.themes;

import java.io.IOException;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModelEx;

/**
 * Renders our login pages as Keycloak does (FreeMarker 2.3.32, HTML auto-escaping, messages through
 * {@link MessageFormat}), our pages first and keycloak.v2's macros ({@code field.ftl}, {@code buttons.ftl}, …) behind
 * them (and base's behind those), inside a small stand-in for {@code template.ftl}: what a page shows can be checked without a server.
 */
final class ThemeRenderer {

    private static final String LAYOUT = """
            <#import "footer.ftl" as loginFooter>
            <#macro registrationLayout displayMessage=true displayInfo=false>
            <html><head><title><#nested "header"></title></head><body>
            <h1 id="kc-page-title"><#nested "header"></h1>
            <#nested "form">
            <#nested "socialProviders">
            <#if displayInfo><#nested "info"></#if>
            <@loginFooter.content/>
            </body></html>
            </#macro>
            """;

    private ThemeRenderer() {
    }

    /** @param overrides message keys replaced as a realm's localisation texts would */
    @SuppressWarnings("unchecked")
    static String render(String page, Map<String, Object> attributes, Map<String, String> overrides)
            throws IOException, TemplateException {
        StringTemplateLoader layout = new StringTemplateLoader();
        layout.putTemplate("template.ftl", LAYOUT);
        ClassLoader classes = ThemeRenderer.class.getClassLoader();
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_32);
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {layout,
                new ClassTemplateLoader(classes, EsiaEduThemeTest.BASE),
                new ClassTemplateLoader(classes, "theme/keycloak.v2/login/"),
                new ClassTemplateLoader(classes, "theme/base/login/")}));

        Properties messages = EsiaEduThemeTest.messages("ru");
        messages.putAll(overrides);
        Map<String, Object> model = new HashMap<>();
        model.put("msg", (TemplateMethodModelEx) arguments -> {
            List<?> args = arguments;
            String key = args.get(0).toString();
            Object[] params = args.subList(1, args.size()).stream().map(Object::toString).toArray();
            return new MessageFormat(messages.getProperty(key, key), Locale.forLanguageTag("ru")).format(params);
        });
        model.put("url", Map.of("loginAction", "http://localhost/realms/school/login-actions/authenticate?code=c1",
                "registrationUrl", "http://localhost/realms/school/login-actions/registration",
                "loginResetCredentialsUrl", "http://localhost/realms/school/login-actions/reset-credentials",
                "loginUrl", "http://localhost/realms/school/login-actions/authenticate"));
        model.put("properties", themeProperties(classes));
        model.put("messagesPerField", new NoFieldErrors());
        model.put("realm", Map.of("name", "school", "displayName", "Электронная школа", "password", true,
                "registrationAllowed", false, "loginWithEmailAllowed", true, "registrationEmailAsUsername", false,
                "resetPasswordAllowed", false, "rememberMe", false));
        model.put("login", Map.of());
        model.put("auth", Map.of("selectedCredential", ""));
        attributes.forEach((name, value) -> {
            if ("properties".equals(name)) {
                ((Map<String, Object>) model.get("properties")).putAll((Map<String, Object>) value);
            } else {
                model.put(name, value);
            }
        });
        StringWriter out = new StringWriter();
        configuration.getTemplate(page).process(model, out);
        return out.toString();
    }

    /** keycloak.v2's CSS class properties (its macros need them), without ours: a test sets what it checks. */
    private static Map<String, Object> themeProperties(ClassLoader classes) throws IOException {
        Properties properties = new Properties();
        for (String theme : List.of("theme/base/login/theme.properties", "theme/keycloak.v2/login/theme.properties")) {
            try (java.io.InputStream in = classes.getResourceAsStream(theme)) {
                if (in != null) {
                    properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        Map<String, Object> map = new HashMap<>();
        properties.forEach((key, value) -> map.put(key.toString(), value.toString()));
        return map;
    }

    /** The visible text, tags removed and white space collapsed. */
    static String text(String html) {
        return html.replaceAll("(?s)<!--.*?-->", " ").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }

    /** Keycloak's {@code messagesPerField} on a page without errors. */
    public static final class NoFieldErrors {
        public boolean existsError(String... fields) {
            return false;
        }

        public boolean exists(String field) {
            return false;
        }

        public String get(String field) {
            return "";
        }

        public String getFirstError(String... fields) {
            return "";
        }
    }
}
