package ru.esiaedu.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Vocabulary with one owner, checked on the main sources of every provider module: the ESIA person document's
 * context key and field names are spelled only by esia-idp's {@code EsiaPersonDocument}; age is computed only by
 * login-core's {@code AgeRules}.
 */
class OneOwnerTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final List<String> PROVIDER_MODULES = List.of("esia-idp", "school-registry", "login-core",
            "account-linker-authenticator", "consent-authenticator", "contact-authenticator", "school-desk");

    @Test
    void onlyThePersonDocumentSpellsItsContextKey() {
        assertThat(sourcesContaining(Pattern.compile("\"esia\\.person\"")))
                .containsExactly("esia-idp/src/main/java/ru/esiaedu/esia/person/EsiaPersonDocument.java");
    }

    @Test
    void onlyTheAgeRuleCountsYears() {
        assertThat(sourcesContaining(Pattern.compile("Period\\.between|ChronoUnit\\.YEARS|\\.getYears\\(\\)|plusYears\\(")))
                .containsExactly("login-core/src/main/java/ru/esiaedu/login/age/AgeRules.java");
    }

    private static List<String> sourcesContaining(Pattern pattern) {
        return PROVIDER_MODULES.stream()
                .map(module -> ROOT.resolve(module).resolve("src/main/java"))
                .flatMap(OneOwnerTest::javaFiles)
                .filter(file -> pattern.matcher(read(file)).find())
                .map(file -> ROOT.relativize(file).toString().replace('\\', '/'))
                .sorted()
                .toList();
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
