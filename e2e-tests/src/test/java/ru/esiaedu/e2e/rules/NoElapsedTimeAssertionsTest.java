package ru.esiaedu.e2e.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build rule over every test source of the repository ({@code *}{@code /src/test/java/**}{@code /*.java}): no test
 * asserts how long something took. Speed is measured by benchmarks; an elapsed-time assertion only makes a slow
 * or busy machine fail the build. Where a timeout matters, assert its outcome (the exception, the Russian page).
 *
 * <p>A statement is an offence when it asserts ({@code assert…}) and measures time in the same statement
 * ({@code System.nanoTime() - …}, {@code currentTimeMillis() - …}, {@code Duration.between}, a variable named
 * {@code elapsed…}), or when it uses JUnit's {@code assertTimeout…} or compares with {@code isLessThan(Duration…)}.
 */
class NoElapsedTimeAssertionsTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
    private static final String SELF = NoElapsedTimeAssertionsTest.class.getSimpleName() + ".java";

    private static final Pattern ASSERTS = Pattern.compile("\\bassert\\w*\\s*\\(|\\.isLessThan|\\.isBetween|\\.isCloseTo");
    private static final Pattern MEASURES = Pattern.compile(
            "(nanoTime|currentTimeMillis)\\(\\)\\s*-|Duration\\.between\\s*\\(|\\belapsed\\w*|(?i:\\bstopwatch\\b)");
    private static final Pattern ALWAYS = Pattern.compile(
            "\\bassertTimeout\\w*\\s*\\(|\\.isLessThan(OrEqualTo)?\\s*\\(\\s*Duration\\.");

    @Test
    void noTestSourceAssertsElapsedTime() {
        Map<String, List<String>> offences = offencesIn(testSources());

        assertThat(offences).as("elapsed-time assertions (assert the timeout's outcome, measure speed with a benchmark)")
                .isEmpty();
    }

    @Test
    void theScanReadsTheTestSourcesOfEveryModule() {
        List<String> modules = testSources().stream().map(file -> REPOSITORY.relativize(file).getName(0).toString())
                .distinct().toList();

        assertThat(modules).contains("esia-idp", "school-registry", "themes", "esia-emulator", "e2e-tests");
    }

    @Test
    void theRuleRecognisesElapsedTimeAssertionsAndLeavesOtherTimeAlone() {
        assertThat(offences("assertThat(System.nanoTime() - start).isLessThan(500_000_000L);")).hasSize(1);
        assertThat(offences("assertThat(Duration.ofNanos(System.nanoTime() - started))\n    .isLessThan(Duration.ofMillis(2500));")).hasSize(1);
        assertThat(offences("long elapsed = clock() - t0;\nassertThat(elapsed).isLessThan(100);")).hasSize(1);
        assertThat(offences("assertTimeout(Duration.ofSeconds(1), () -> call());")).hasSize(1);
        assertThat(offences("assertTrue(Duration.between(a, b).toMillis() < 50);")).hasSize(1);

        assertThat(offences("long start = System.nanoTime();\nprogress(\"ready in %s\", Duration.ofNanos(System.nanoTime() - start));"))
                .as("timing for a progress line is not an assertion").isEmpty();
        assertThat(offences("assertThat(exp).isLessThan(System.currentTimeMillis() / 1000);"))
                .as("comparing with the clock is not measuring a duration").isEmpty();
        assertThat(offences("assertThat(config.getReadTimeout()).isEqualTo(Duration.ofSeconds(10));")).isEmpty();
    }

    private static List<Path> testSources() {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path tests = module.resolve("src/test/java");
                if (Files.isDirectory(tests)) {
                    try (Stream<Path> walk = Files.walk(tests)) {
                        walk.filter(file -> file.toString().endsWith(".java"))
                                .filter(file -> !file.getFileName().toString().equals(SELF))
                                .forEach(files::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test sources under " + REPOSITORY, e);
        }
        return files;
    }

    private static Map<String, List<String>> offencesIn(List<Path> files) {
        Map<String, List<String>> found = new TreeMap<>();
        for (Path file : files) {
            try {
                List<String> statements = offences(Files.readString(file, StandardCharsets.UTF_8));
                if (!statements.isEmpty()) {
                    found.put(REPOSITORY.relativize(file).toString(), statements);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return found;
    }

    /** The offending statements of one source text (comments removed, split at {@code ;}). */
    static List<String> offences(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
        List<String> found = new ArrayList<>();
        for (String statement : code.split(";")) {
            boolean offends = ALWAYS.matcher(statement).find()
                    || ASSERTS.matcher(statement).find() && MEASURES.matcher(statement).find();
            if (offends) {
                found.add(statement.strip().replaceAll("\\s+", " "));
            }
        }
        return found;
    }
}
