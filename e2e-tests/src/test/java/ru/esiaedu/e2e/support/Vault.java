package ru.esiaedu.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keycloak's file vault for the test server: one file per secret, named {@code <realm>_<key>}. It holds
 * the demo client key, so the provider can be configured with {@code ${vault.esia-client-key}}.
 */
public final class Vault {

    public static final String CLIENT_KEY_REFERENCE = "${vault.esia-client-key}";

    private Vault() {
    }

    static Path prepare() {
        Path dir = E2e.targetDir().resolve("vault");
        try (InputStream key = Vault.class.getClassLoader().getResourceAsStream("demo-keys/client-gost.key.pem")) {
            if (key == null) {
                throw new IllegalStateException("demo-keys/client-gost.key.pem is not on the classpath (realm-export)");
            }
            Files.createDirectories(dir);
            Files.write(dir.resolve("school_esia-client-key"), key.readAllBytes());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the vault directory " + dir, e);
        }
    }
}
