package ru.esiaedu.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The build-time options of {@code kc.sh build} from {@code deploy/build-options}: the one list that the
 * Dockerfile, the install guides and the end-to-end server share. One option a line, {@code #} starts a comment.
 */
public final class BuildOptions {

    private BuildOptions() {
    }

    public static Path file() {
        return E2e.repositoryDir().resolve("deploy/build-options");
    }

    public static List<String> read() {
        try {
            List<String> options = Files.readAllLines(file(), StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
            if (options.isEmpty() || options.stream().anyMatch(o -> !o.startsWith("--"))) {
                throw new IllegalStateException(file() + " must hold kc.sh options, one per line: " + options);
            }
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(), e);
        }
    }
}
