package ru.esiaedu.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DistributionFilesTest {

    @TempDir
    Path dir;

    @Test
    void aCopyKeepsScriptsExecutableAndLeavesOutTheSkippedTopLevelFolders() throws IOException {
        Path home = dir.resolve("keycloak");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("data/h2"));
        Files.createDirectories(home.resolve("providers"));
        Path script = Files.writeString(home.resolve("bin/kc.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE));
        Files.writeString(home.resolve("data/h2/keycloak.mv.db"), "demo");
        Files.writeString(home.resolve("providers/esia-idp.jar"), "jar");
        Files.createDirectories(home.resolve("lib/data"));   // a "data" below the top level is copied

        Path copy = dir.resolve("copy");
        DistributionFiles.copy(home, copy, Set.of("data"));

        assertThat(Files.isExecutable(copy.resolve("bin/kc.sh"))).isTrue();
        assertThat(copy.resolve("providers/esia-idp.jar")).hasContent("jar");
        assertThat(copy.resolve("data")).doesNotExist();
        assertThat(copy.resolve("lib/data")).isDirectory();
    }

    @Test
    void deleteRemovesTheWholeTreeAndAMissingOneIsNoError() throws IOException {
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("a/b/file"), "x");

        DistributionFiles.delete(tree);
        DistributionFiles.delete(tree);

        assertThat(tree).doesNotExist();
    }
}
