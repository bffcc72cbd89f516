package ru.esiaedu.e2e.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;

/** Small shared helpers: where things go on disk, free ports, progress lines for the CI log. */
public final class E2e {

    private E2e() {
    }

    /** e2e-tests/target, passed by surefire; falls back to ./target when run from an IDE. */
    public static Path targetDir() {
        String dir = System.getProperty("e2e.target.dir");
        Path path = dir != null ? Paths.get(dir) : Paths.get("target");
        try {
            return Files.createDirectories(path.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + path, e);
        }
    }

    /** The repository root (deploy/, docs/, the modules), passed by surefire; falls back to .. from e2e-tests. */
    public static Path repositoryDir() {
        String dir = System.getProperty("e2e.repository.dir");
        return (dir != null ? Paths.get(dir) : Paths.get("..")).toAbsolutePath().normalize();
    }

    /** A port free right now. Another process could take it before we bind; good enough for tests. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** Long steps print a line so a CI log shows what the run is waiting for. */
    public static void progress(String format, Object... args) {
        System.out.println("[e2e] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
