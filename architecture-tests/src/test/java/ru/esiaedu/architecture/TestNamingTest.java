package ru.esiaedu.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** One naming convention for test methods in every module: camelCase sentences of what must hold. */
class TestNamingTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    /** A test annotation, then (after other annotations, possibly over several lines) the method's name. */
    private static final Pattern TEST_METHOD = Pattern.compile(
            "@(Test|ParameterizedTest|RepeatedTest|TestFactory|Property|Example|ArchTest)\\b[^{;]*?\\bvoid\\s+(\\w+)\\s*\\(",
            Pattern.DOTALL);

    @Test
    void everyTestMethodIsNamedInCamelCase() throws IOException {
        List<String> offenders = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path testSources : modules.map(m -> m.resolve("src/test/java")).filter(Files::isDirectory).toList()) {
                for (Path file : javaFiles(testSources)) {
                    Matcher m = TEST_METHOD.matcher(Files.readString(file));
                    while (m.find()) {
                        seen++;
                        if (m.group(2).contains("_")) {
                            offenders.add(ROOT.relativize(file) + ": " + m.group(2));
                        }
                    }
                }
            }
        }
        assertThat(seen).as("test methods found").isGreaterThan(500);
        assertThat(offenders).isEmpty();
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
