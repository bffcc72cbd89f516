package ru.esiaedu.e2e.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Set;

import ru.esiaedu.testsupport.DistributionFiles;

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
        DistributionFiles.copy(source, target, SKIPPED_TOP_LEVEL);
    }

    static void deleteRecursively(Path root) {
        DistributionFiles.delete(root);
    }
}
