package ru.esiaedu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.esiaedu.e2e.support.BuildOptions;
import ru.esiaedu.e2e.support.E2e;
import ru.esiaedu.e2e.support.KeycloakDistribution;

/**
 * {@code docker build -f deploy/Dockerfile .} without Docker: the build context that {@code .dockerignore} lets
 * through after {@code ./mvnw package} holds every COPY source, and the image is built with the same
 * {@code kc.sh build} options as the end-to-end server and the install guides.
 */
class BuildContextTest {

    private static final Path REPO = E2e.repositoryDir();
    private static final Pattern COPY = Pattern.compile("^\\s*(#\\s*)?COPY\\s+(?!--from)(.+)$");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern KC_BUILD = Pattern.compile("kc\\.sh build((?:\\s+--[^\\s`]+)+)");

    private record CopySource(String glob, boolean optional) {
        String module() {
            return glob.substring(0, glob.indexOf('/'));
        }

        boolean matches(String path) {
            return Pattern.compile(globRegex(glob)).matcher(path).matches();
        }
    }

    @Test
    void everyCopySourceIsLetThroughAndPresentInTheBuildContext() throws IOException {
        DockerIgnore ignore = dockerIgnore();
        Set<String> context = buildContext(ignore);
        Set<String> modules = rootModules();
        List<CopySource> sources = copySources();
        assertThat(sources).as("COPY lines of deploy/Dockerfile").isNotEmpty();
        for (CopySource source : sources) {
            // The name the module's build gives its JAR, version included, must pass .dockerignore.
            String sample = source.glob().replace("*", "0.1.0-SNAPSHOT");
            assertThat(ignore.includes(sample)).as(".dockerignore lets %s through (COPY %s)", sample, source.glob()).isTrue();
            if (source.optional()) {
                assertThat(REPO.resolve(source.glob())).as("commented COPY %s", source.glob()).isRegularFile();
                continue;
            }
            // A provider module that is not (yet) in the reactor has no JAR to check; once it is a module of
            // the root pom.xml, its JAR must be in the context or `docker build` fails on a COPY that matches nothing.
            if (modules.contains(source.module())) {
                assertThat(context.stream().filter(source::matches).toList())
                        .as("files for COPY %s in the build context after ./mvnw package", source.glob())
                        .hasSize(1);
            }
        }
    }

    @Test
    void everyProviderOfTheDistributionIsCopiedIntoTheImage() throws IOException {
        Set<String> context = buildContext(dockerIgnore());
        List<CopySource> sources = copySources().stream().filter(s -> !s.optional()).toList();
        List<String> providers;
        try (Stream<Path> jars = Files.list(KeycloakDistribution.source().resolve("providers"))) {
            providers = jars.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
        assertThat(providers).as("provider JARs of keycloak-server's distribution").isNotEmpty();
        for (String jar : providers) {
            List<String> inContext = context.stream()
                    .filter(path -> path.endsWith("/target/" + jar))
                    .filter(path -> sources.stream().anyMatch(s -> s.matches(path)))
                    .toList();
            assertThat(inContext).as("%s is COPYed from the build context into providers/", jar).hasSize(1);
        }
        assertThat(sources).as("the image holds as many provider JARs as the tested distribution")
                .hasSizeGreaterThanOrEqualTo(providers.size());
    }

    @Test
    void theBuildContextHoldsNothingTheDockerfileDoesNotUse() throws IOException {
        List<CopySource> sources = copySources();
        Set<String> unused = buildContext(dockerIgnore()).stream()
                .filter(path -> !path.startsWith("deploy/"))
                .filter(path -> sources.stream().noneMatch(s -> s.matches(path)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unused).as("files sent to the Docker daemon for nothing (the distribution is 176 MB)").isEmpty();
    }

    @Test
    void theImageAndTheGuidesBuildWithTheOptionsTheEndToEndServerUses() throws IOException {
        List<String> options = BuildOptions.read();
        assertThat(options).contains("--db=postgres", "--vault=file", "--health-enabled=true", "--metrics-enabled=true");
        for (String file : List.of("deploy/Dockerfile", "deploy/README.md", "docs/ru/installation.md", "README.md")) {
            List<List<String>> lines = kcBuildLines(Files.readString(REPO.resolve(file), StandardCharsets.UTF_8));
            assertThat(lines).as("`kc.sh build --…` lines in %s", file).isNotEmpty();
            assertThat(lines).as("`kc.sh build` options in %s (deploy/build-options: %s)", file, options)
                    .allSatisfy(line -> assertThat(line).isEqualTo(options));
        }
    }

    @Test
    void dockerIgnoreRulesWorkAsDockerAppliesThem() {
        DockerIgnore ignore = DockerIgnore.parse("# comment\n**\n!a/target/a-*.jar\n!deploy/\n");
        assertThat(ignore.includes("a/target/a-1.0.jar")).isTrue();
        assertThat(ignore.includes("a/target/sub/a-1.0.jar")).as("* stays within a segment").isFalse();
        assertThat(ignore.includes("a/target/b-1.0.jar")).isFalse();
        assertThat(ignore.includes("README.md")).isFalse();
        assertThat(ignore.includes("deploy/Dockerfile")).as("a directory re-includes its files").isTrue();
        assertThat(DockerIgnore.parse("**\n!x/\nx/secret\n").includes("x/secret")).as("the last match wins").isFalse();
        // A provider folder missing from the list is what broke the image once: its JAR was not sent.
        DockerIgnore withoutConsent = DockerIgnore.parse("**\n!esia-idp/target/*.jar\n!themes/target/*.jar\n");
        assertThat(withoutConsent.includes("consent-authenticator/target/consent-authenticator-0.1.0.jar")).isFalse();
    }

    static List<List<String>> kcBuildLines(String text) {
        List<List<String>> lines = new ArrayList<>();
        Matcher m = KC_BUILD.matcher(text.replace("\\\n", " "));
        while (m.find()) {
            lines.add(Arrays.stream(m.group(1).strip().split("\\s+")).toList());
        }
        return lines;
    }

    private static List<CopySource> copySources() throws IOException {
        List<CopySource> sources = new ArrayList<>();
        for (String line : Files.readAllLines(REPO.resolve("deploy/Dockerfile"), StandardCharsets.UTF_8)) {
            Matcher m = COPY.matcher(line);
            if (m.matches()) {
                String[] args = m.group(2).strip().split("\\s+");
                for (int i = 0; i < args.length - 1; i++) {
                    sources.add(new CopySource(args[i], m.group(1) != null));
                }
            }
        }
        return sources;
    }

    private static DockerIgnore dockerIgnore() throws IOException {
        return DockerIgnore.parse(Files.readString(REPO.resolve(".dockerignore"), StandardCharsets.UTF_8));
    }

    private static Set<String> rootModules() throws IOException {
        Matcher m = MODULE.matcher(Files.readString(REPO.resolve("pom.xml"), StandardCharsets.UTF_8));
        Set<String> modules = new TreeSet<>();
        while (m.find()) {
            modules.add(m.group(1).strip());
        }
        return modules;
    }

    /** Every file of the repository that `docker build .` would send (Git's own files aside). */
    private static Set<String> buildContext(DockerIgnore ignore) throws IOException {
        try (Stream<Path> files = Files.walk(REPO)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> REPO.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(".git") && !p.startsWith(".git/"))
                    .filter(ignore::includes)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String globRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? "[^/]*" : c == '?' ? "[^/]" : Pattern.quote(String.valueOf(c)));
        }
        return regex.toString();
    }
}
