package ru.esiaedu.throughput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import ru.esiaedu.testsupport.DistributionFiles;

/**
 * One Keycloak node as production runs it: a private copy of the distribution keycloak-server assembled,
 * {@code kc.sh build} with deploy/build-options, then {@code start --optimized} on PostgreSQL, the registry on its own
 * database with the demo data, the file vault for the client key, clustering on loopback only.
 */
final class KeycloakNode implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(600);

    private final Process process;
    private final int httpPort;
    private final Path log;

    private KeycloakNode(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    /** Copies the distribution to {@code target/<name>} and runs kc.sh build there. */
    static Path buildHome(Path distribution, Path target, String name, List<String> buildOptions) {
        Path home = target.resolve(name);
        copy(distribution, home);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(buildOptions);
        run(command, home, target.resolve(name + ".log"), Duration.ofSeconds(600));
        return home;
    }

    /** A copy of a built home (a further cluster node). */
    static Path copyHome(Path builtHome, Path target, String name) {
        Path home = target.resolve(name);
        copy(builtHome, home);
        return home;
    }

    static KeycloakNode start(Path home, Path log, BenchDatabase db, Path vault, int httpPort, int managementPort,
                              int clusterPort) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(),
                "start", "--optimized", "--http-enabled=true", "--hostname-strict=false",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--db-url=" + db.jdbcUrl(BenchDatabase.KEYCLOAK_DB),
                "--db-username=" + db.username(),
                "--db-password=" + db.password(),
                "--log-level=INFO",
                "--spi-school-registry--jdbc--url=" + db.jdbcUrl(BenchDatabase.REGISTRY_DB),
                "--spi-school-registry--jdbc--username=" + db.username(),
                "--spi-school-registry--jdbc--demo-data=true",
                "--spi-school-registry--jdbc--initialize-at-startup=true",
                "--vault-dir=" + vault,
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        builder.environment().put("KC_SPI_SCHOOL_REGISTRY__JDBC__PASSWORD", db.password());
        try {
            KeycloakNode node = new KeycloakNode(builder.start(), httpPort, log);
            node.awaitReady();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** CPU time of the node's JVM (and kc.sh) so far: what a login costs the server, whatever else the machine runs. */
    Duration cpuTime() {
        Duration total = process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
        for (ProcessHandle child : process.descendants().toList()) {
            total = total.plus(child.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total;
    }

    /** The JVM's process id (for jcmd). */
    long jvmPid() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/master"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue() + ", see " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after " + STARTUP.toSeconds() + " s, see " + log);
    }

    /** SIGTERM (kc.sh forwards it to the JVM), forced after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(List<String> command, Path dir, Path log, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed, see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh copy, without the demo's H2 database and the unpack marker. */
    private static void copy(Path source, Path target) {
        delete(target);
        DistributionFiles.copy(source, target, Set.of("data", ".unpack-markers"));
    }

    static void delete(Path root) {
        DistributionFiles.delete(root);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
