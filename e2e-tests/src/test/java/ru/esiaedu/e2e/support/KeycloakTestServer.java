package ru.esiaedu.e2e.support;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one Keycloak of a test run: started lazily by the first test class that asks for it, shared
 * by all of them (CI has 2 cores, a second server would only slow it down), stopped by a JVM
 * shutdown hook together with its PostgreSQL. Runs {@code kc.sh start-dev} in a private copy of
 * the distribution on free ports.
 */
public final class KeycloakTestServer {

    /** Generous: a loaded 2-core machine has needed more than 240 s; {@code -De2e.keycloak.startupSeconds} overrides it. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(Long.getLong("e2e.keycloak.startupSeconds", 480));
    private static final int LOG_TAIL_LINES = 80;

    /**
     * The registry's database password, as the install guide passes it: Keycloak's environment variable for
     * the SPI option {@code spi-school-registry--jdbc--password} (a {@code ${vault.…}} reference on the command
     * line or in keycloak.conf would be expanded by Keycloak's configuration layer and never reach the registry).
     */
    public static final String REGISTRY_PASSWORD_VARIABLE = "KC_SPI_SCHOOL_REGISTRY__JDBC__PASSWORD";

    private static Options pendingOptions = new Options();
    private static KeycloakTestServer instance;
    private static RuntimeException startupFailure;

    private final Path home;
    private final Path logFile;
    private final int httpPort;
    private final int managementPort;
    private final String baseUrl;
    private final PostgresDatabase database;
    private final Process process;
    private final AdminApi admin;
    private final Options options;
    /** The first node owns PostgreSQL; a further node of the same cluster stops only itself. */
    private final boolean ownsDatabase;

    /** Extra environment and command-line options; only honoured before the server first starts. */
    public static final class Options {
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> args = new ArrayList<>();
        private final List<String> dropped = new ArrayList<>();

        public Options env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /**
         * A kc.sh option such as {@code --spi-events-listener-jboss-logging-success-level=info}.
         * Given to start-dev (the default), so build-time options work too.
         */
        public Options option(String arg) {
            if (!args.contains(arg)) {
                args.add(arg);
            }
            return this;
        }

        /** Leaves out every option the server would get that starts with this prefix (a node misconfigured on purpose). */
        public Options without(String optionPrefix) {
            dropped.add(optionPrefix);
            return this;
        }

        Options copy() {
            Options copy = new Options();
            copy.env.putAll(env);
            copy.args.addAll(args);
            copy.dropped.addAll(dropped);
            return copy;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Options o && env.equals(o.env) && args.equals(o.args) && dropped.equals(o.dropped);
        }

        @Override
        public int hashCode() {
            return env.hashCode() * 31 + args.hashCode();
        }

        @Override
        public String toString() {
            return "env " + env.keySet() + ", options " + args + ", without " + dropped; // env values may be secrets
        }
    }

    /**
     * Adds env/options for the shared server. Call it in {@code @BeforeAll} before {@link #get()}.
     * Every test class that needs a setting should call it: once the server runs, asking for what
     * it already has is fine, asking for anything else is an error (not silently ignored).
     */
    public static synchronized void configure(Consumer<Options> customizer) {
        Options wanted = pendingOptions.copy();
        customizer.accept(wanted);
        if (instance != null && !wanted.equals(pendingOptions)) {
            throw new IllegalStateException("Keycloak already runs with " + pendingOptions
                    + "; configure() asking for more must run before the first get(): " + wanted);
        }
        pendingOptions = wanted;
    }

    /** The shared server, started on first use. */
    public static synchronized KeycloakTestServer get() {
        if (startupFailure != null) {
            // Do not make every later test class wait another full start-up timeout for the same failure.
            throw new IllegalStateException("Keycloak failed to start earlier in this run", startupFailure);
        }
        if (instance == null) {
            try {
                instance = start(pendingOptions);
            } catch (RuntimeException e) {
                startupFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "keycloak-e2e-shutdown"));
        }
        return instance;
    }

    private KeycloakTestServer(Path home, Path logFile, int httpPort, int managementPort, PostgresDatabase database,
            Process process, Options options, boolean ownsDatabase) {
        this.options = options;
        this.ownsDatabase = ownsDatabase;
        this.home = home;
        this.logFile = logFile;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        // localhost, not 127.0.0.1: Keycloak's cookies are Secure and Chromium treats only
        // localhost as a secure context over plain http.
        this.baseUrl = "http://localhost:" + httpPort;
        this.database = database;
        this.process = process;
        this.admin = new AdminApi(baseUrl, "admin", "admin");
    }

    private static KeycloakTestServer start(Options options) {
        Path home = KeycloakDistribution.freshCopy();
        PostgresDatabase database = PostgresDatabase.start();
        Path logFile = E2e.targetDir().resolve("keycloak-e2e.log");
        try {
            Files.deleteIfExists(logFile); // one log per run; build and server both append
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Default: the production path of deploy/Dockerfile on the unpacked distribution — "kc.sh build" with our
        // providers, then "start --optimized". -De2e.keycloak.start=dev runs start-dev instead (a faster local loop).
        boolean optimized = optimized();
        long start = System.nanoTime();
        if (optimized) {
            build(home, logFile);
        }
        return launch(home, logFile, database, options, true, start);
    }

    private static boolean optimized() {
        return !"dev".equals(System.getProperty("e2e.keycloak.start", "optimized"));
    }

    /**
     * A second node of the same cluster: a copy of this node's built home, the same database (Keycloak's own
     * clustering finds the first node through it: the jdbc-ping discovery of its default cache stack, loopback
     * only), the same options, ports of its own, its log in {@code keycloak-e2e-<name>.log}. Stop it with
     * {@link #stopNode()}; the database stays with the first node.
     */
    public KeycloakTestServer startAnotherNode(String name) {
        return startAnotherNode(name, options -> { });
    }

    /** {@link #startAnotherNode(String)} with options of its own on top of this node's. */
    public KeycloakTestServer startAnotherNode(String name, Consumer<Options> changes) {
        if (!optimized()) {
            throw new IllegalStateException("a cluster needs the production start (start-dev keeps its caches local)");
        }
        Path nodeHome = KeycloakDistribution.copyOf(home, "keycloak-e2e-" + name);
        Path nodeLog = E2e.targetDir().resolve("keycloak-e2e-" + name + ".log");
        try {
            Files.deleteIfExists(nodeLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Options nodeOptions = options.copy();
        changes.accept(nodeOptions);
        return launch(nodeHome, nodeLog, database, nodeOptions, false, System.nanoTime());
    }

    /** Stops this node only (a node started by {@link #startAnotherNode(String)}). */
    public void stopNode() {
        if (ownsDatabase) {
            throw new IllegalStateException("the shared server stops with the JVM");
        }
        stop();
    }

    private static KeycloakTestServer launch(Path home, Path logFile, PostgresDatabase database, Options options,
            boolean ownsDatabase, long start) {
        boolean optimized = optimized();
        int httpPort = E2e.freePort();
        int managementPort = E2e.freePort();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString()));
        if (optimized) {
            command.addAll(List.of("start", "--optimized", "--http-enabled=true", "--hostname-strict=false"));
        } else {
            command.add("start-dev");
        }
        command.addAll(List.of(
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--db-url=" + database.jdbcUrl(),
                "--db-username=" + database.username(),
                "--db-password=" + database.password(),
                "--log-level=INFO,ru.esiaedu:DEBUG",
                // The school registry on its own PostgreSQL database, filled with the demo data.
                "--spi-school-registry--jdbc--url=" + database.registryJdbcUrl(),
                "--spi-school-registry--jdbc--username=" + database.registryUsername(),
                // The password is not on the command line: it comes from the environment, as the install
                // guide says (REGISTRY_PASSWORD_VARIABLE below).
                "--spi-school-registry--jdbc--demo-data=true",
                "--spi-school-registry--jdbc--initialize-at-startup=true",
                // The file vault (built with --vault=file), as operators keep key material: see EsiaLoginE2ETest.
                "--vault-dir=" + Vault.prepare()));
        if (optimized) {
            // Keycloak's clustering (embedded Infinispan, jdbc-ping over this database) on loopback only, a
            // port of each node's own: a test run never talks to another machine's Keycloak.
            command.addAll(List.of("--cache-embedded-network-bind-address=127.0.0.1",
                    "--cache-embedded-network-bind-port=" + E2e.freePort()));
        } else {
            command.addAll(BuildOptions.read()); // start-dev builds itself
        }
        command.addAll(options.args);
        command.removeIf(arg -> options.dropped.stream().anyMatch(arg::startsWith));

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        builder.environment().put(REGISTRY_PASSWORD_VARIABLE, database.registryPassword());
        builder.environment().putAll(options.env);

        E2e.progress("starting Keycloak on port %d (log: %s)…", httpPort, logFile);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            if (ownsDatabase) {
                database.close();
            }
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
        KeycloakTestServer server = new KeycloakTestServer(home, logFile, httpPort, managementPort, database, process,
                options, ownsDatabase);
        try {
            server.awaitReady(start);
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        E2e.progress("Keycloak ready in %s at %s", E2e.seconds(Duration.ofNanos(System.nanoTime() - start)), server.baseUrl);
        return server;
    }

    private static void build(Path home, Path logFile) {
        E2e.progress("kc.sh build…");
        long start = System.nanoTime();
        try {
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(BuildOptions.read()); // deploy/build-options, the same as deploy/Dockerfile
            Process build = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            if (!build.waitFor(300, TimeUnit.SECONDS) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed, see " + logFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        E2e.progress("kc.sh build done in %s", E2e.seconds(Duration.ofNanos(System.nanoTime() - start)));
    }

    /** Polls GET /realms/master until 200; fails fast if the process dies, with the log tail. */
    private void awaitReady(long startNanos) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = startNanos + STARTUP_TIMEOUT.toNanos();
        long nextNote = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue() + logTail());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            if (System.nanoTime() > nextNote) {
                E2e.progress("still waiting for Keycloak (%s)…", E2e.seconds(Duration.ofNanos(System.nanoTime() - startNanos)));
                nextNote = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after " + STARTUP_TIMEOUT.toSeconds() + " s" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return "\n--- last " + tail.size() + " lines of " + logFile + " ---\n" + String.join("\n", tail);
        } catch (IOException e) {
            return " (no log at " + logFile + ")";
        }
    }

    /** SIGTERM to kc.sh (it forwards it to the JVM), then force after 30 s; then PostgreSQL. */
    private synchronized void stop() {
        if (process.isAlive()) {
            E2e.progress("stopping Keycloak…");
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!ownsDatabase) {
            return;
        }
        try {
            database.close();
        } catch (RuntimeException e) {
            System.err.println("[e2e] could not stop PostgreSQL: " + e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code http://localhost:<port>} */
    public String baseUrl() {
        return baseUrl;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Keycloak's management interface (health, metrics): {@code http://localhost:<port>}. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    /** kc.sh and the JVM it runs: their command lines are what an operator's process list shows. */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>(List.of(process.toHandle()));
        process.descendants().forEach(all::add);
        return all;
    }

    /** The private distribution copy (its providers/ is what the server loaded). */
    public Path home() {
        return home;
    }

    /** Keycloak's stdout+stderr: e2e-tests/target/keycloak-e2e.log */
    public Path logFile() {
        return logFile;
    }

    /** Admin REST client logged in as the bootstrap admin (admin/admin in realm master). */
    public AdminApi admin() {
        return admin;
    }

    public PostgresDatabase database() {
        return database;
    }
}
