package ru.esiaedu.linker.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import freemarker.template.Configuration;
import freemarker.template.Template;

/**
 * The pages and messages of the link / request steps: the templates parse, and every message key the templates
 * and the Java code use exists in Russian and English (Keycloak would otherwise show the bare key).
 */
class LinkRequestThemeTest {

    private static final Path LOGIN = Path.of("..", "themes", "src", "main", "resources", "theme", "esia-edu", "login");
    private static final Path JAVA = Path.of("src", "main", "java", "ru", "esiaedu", "linker");
    private static final List<String> PAGES = List.of("esia-link.ftl", "esia-request.ftl", "esia-request-done.ftl");
    private static final String HEADER = "# --- link / request pages (ru.esiaedu.linker.link, .request) ---";

    private static Properties messages(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(LOGIN.resolve("messages/messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void templatesParse() throws IOException {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_32);
        for (String page : PAGES) {
            String text = Files.readString(LOGIN.resolve(page), StandardCharsets.UTF_8);
            new Template(page, new StringReader(text), configuration);
        }
    }

    @Test
    void everyKeyUsedExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern msg = Pattern.compile("msg\\(\"([A-Za-z.]+)\"|label=\"(esia[A-Za-z.]+)\"");
        for (String page : PAGES) {
            Matcher matcher = msg.matcher(Files.readString(LOGIN.resolve(page), StandardCharsets.UTF_8));
            while (matcher.find()) {
                used.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            }
        }
        // message keys in Java: FormMessage(...), setError(...), validation results; not page attribute names
        Pattern javaKey = Pattern.compile("(?:FormMessage\\((?:[A-Z_]+, )?|setError\\(|put\\([A-Z_]+, )\"(esia[A-Za-z.]+)\"");
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = javaKey.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        // keys built from a prefix in the templates
        OrganisationTypes.ALL.forEach(type -> used.add("esiaOrgType." + type));
        List.of("notConfirmed", "noChildren", "staff").forEach(refusal -> used.add("esiaRequestRefusal." + refusal));
        used.removeIf(key -> key.endsWith("."));

        Properties ru = messages("ru");
        Properties en = messages("en");
        assertThat(used).hasSizeGreaterThan(40);
        assertThat(ru.stringPropertyNames()).containsAll(used);
        assertThat(en.stringPropertyNames()).containsAll(used);
        assertThat(ru.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    }

    @Test
    void messageFilesCarryThisSectionHeader() throws IOException {
        for (String language : List.of("ru", "en")) {
            List<String> lines = Files.readAllLines(LOGIN.resolve("messages/messages_" + language + ".properties"), StandardCharsets.UTF_8);
            assertThat(lines).contains(HEADER);
        }
    }

    @Test
    void theSeedWordingIsKept() throws IOException {
        Properties ru = messages("ru");
        assertThat(ru.getProperty("esiaLinkSubtitle")).isEqualTo("Вход через логин и пароль");
        assertThat(ru.getProperty("esiaLinkChooseOrganisation")).isEqualTo("Выберите организацию");
        assertThat(ru.getProperty("esiaLinkRememberMe")).isEqualTo("Оставаться в системе");
        assertThat(ru.getProperty("esiaLinkInvalidCredentials")).isEqualTo("Неверный логин или пароль");
        assertThat(ru.getProperty("esiaLinkIntro")).contains("Ваша учётная запись будет автоматически связана с учетной записью портала Госуслуг.");
        assertThat(ru.getProperty("esiaLinkSelfClosed")).contains("возможна только ответственным сотрудником образовательной организации после заполнения личной карточки родителя/учащегося");
        assertThat(ru.getProperty("esiaRequestOpen")).isEqualTo("Обратиться в организацию");
        assertThat(ru.getProperty("esiaRequestDone")).isEqualTo("Обращение № {0} отправлено в организацию.");
        assertThat(ru.getProperty("esiaExit")).isEqualTo("Выход");
    }
}
