package ru.esiaedu.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A private copy of the distribution that keycloak-server assembled. Keycloak writes into its own
 * home (data/, lib/quarkus/ after a re-augmentation), so tests never run it in place: a demo
 * started from keycloak-server/target must not share a database or build state with a test run.
 */
public final class KeycloakDistribution {

    /** Not copied: the demo's H2 database and import folder, and our Maven unpack marker. */
    private static final Set<String> SKIPPED_TOP_LEVEL = Set.of("data", ".unpack-markers");

    private KeycloakDistribution() {
    }

    /** The assembled distribution, passed by surefire as {@code keycloak.dist.dir}. */
    public static Path source() {
        String dir = System.getProperty("keycloak.dist.dir");
        if (dir == null) {
            throw new IllegalStateException("system property keycloak.dist.dir is not set (run through Maven)");
        }
        Path source = Paths.get(dir).toAbsolutePath().normalize();
        if (!Files.isRegularFile(source.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(source + " is not a Keycloak distribution: build keycloak-server first (./mvnw -B package)");
        }
        return source;
    }

    /** Copies the distribution to e2e-tests/target/keycloak-e2e (wiped first) and returns that home. */
    public static Path freshCopy() {
        Path source = source();
        Path target = E2e.targetDir().resolve("keycloak-e2e");
        long start = System.nanoTime();
        deleteRecursively(target);
        copyRecursively(source, target);
        E2e.progress("Keycloak distribution copied to %s in %s", target, E2e.seconds(Duration.ofNanos(System.nanoTime() - start)));
        return target;
    }

    /** A copy of a (built) home next to it, e.g. for a second cluster node; wiped first. */
    public static Path copyOf(Path home, String name) {
        Path target = E2e.targetDir().resolve(name);
        deleteRecursively(target);
        copyRecursively(home, target);
        return target;
    }

    private static void copyRecursively(Path source, Path target) {
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Path relative = source.relativize(dir);
                    if (relative.getNameCount() == 1 && SKIPPED_TOP_LEVEL.contains(relative.toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(target.resolve(relative.toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    // COPY_ATTRIBUTES keeps bin/*.sh executable.
                    Files.copy(file, target.resolve(source.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + path, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
