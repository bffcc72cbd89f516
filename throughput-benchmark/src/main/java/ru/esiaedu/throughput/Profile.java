package ru.esiaedu.throughput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code -Dprofile=jfr}: a Java Flight Recording (settings {@code profile}: stack samples every 10-20 ms) of the first
 * Keycloak node over the measured rounds, written to {@code target/keycloak-throughput.jfr}; read it with
 * {@code jfr print --events jdk.ExecutionSample} or JDK Mission Control. Off by default.
 */
final class Profile {
    private static final String NAME = "throughput";
    private final long pid;
    private final Path file;

    private Profile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    static Profile startIfAsked(long pid, Path out) {
        if (!"jfr".equals(System.getProperty("profile"))) {
            return new Profile(-1, null);
        }
        Profile p = new Profile(pid, out.resolve("keycloak-throughput.jfr"));
        p.jcmd("JFR.start", "name=" + NAME, "settings=profile");
        ThroughputBenchmark.progress("JFR recording of the Keycloak JVM %d started", pid);
        return p;
    }

    void stop() {
        if (file == null) {
            return;
        }
        jcmd("JFR.stop", "name=" + NAME, "filename=" + file);
        ThroughputBenchmark.progress("JFR recording written to %s", file);
    }

    private void jcmd(String... args) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> command = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                System.err.println("[throughput] " + String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            System.err.println("[throughput] cannot run jcmd: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
