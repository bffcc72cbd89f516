package ru.esiaedu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashesTest {

    private static final byte[] SALT = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @ValueSource(strings = {"2a", "2b", "2y"})
    void bcryptEveryVersion(String version) {
        String hash = OpenBSDBCrypt.generate(version, "Sgo-2024!".toCharArray(), SALT, 4);
        assertThat(hash).startsWith("$" + version + "$04$");
        assertThat(PasswordHashes.verify(hash, "Sgo-2024!".toCharArray())).isTrue();
        assertThat(PasswordHashes.verify(hash, "Sgo-2024?".toCharArray())).isFalse();
        assertThat(PasswordHashes.verify(hash, "".toCharArray())).isFalse();
    }

    @Test
    void bcryptDemoHashes() {
        assertThat(PasswordHashes.verify("$2a$10$XVLnWQzjXFSrXETrZwyuKO8Y0bOMpCxP.fqnJBH8IpyU4ZCIslm2K",
                "Sgo-2024!".toCharArray())).isTrue();
        assertThat(PasswordHashes.verify("$2y$10$XVLnWQzjXFSrXETrZwyuKeXCdjhsD2zN69UaXZe9JsOPvNYdyowRO",
                "Sgo-2024!".toCharArray())).isTrue();
    }

    /**
     * The published PBKDF2-HMAC-SHA256 test vector P="password", S="salt", c=4096, dkLen=32 →
     * c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a (cross-checked with Python's hashlib).
     */
    @Test
    void pbkdf2KnownVector() {
        String stored = "pbkdf2-sha256$4096$c2FsdA==$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=";
        assertThat(PasswordHashes.verify(stored, "password".toCharArray())).isTrue();
        assertThat(PasswordHashes.verify(stored, "Password".toCharArray())).isFalse();
        // padding is optional
        assertThat(PasswordHashes.verify("pbkdf2-sha256$4096$c2FsdA$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o",
                "password".toCharArray())).isTrue();
    }

    @Test
    void pbkdf2RoundTripWithNonAsciiPassword() {
        String stored = PasswordHashes.pbkdf2Sha256("Пароль-2024".toCharArray(), SALT, 1000);
        assertThat(stored).startsWith("pbkdf2-sha256$1000$");
        assertThat(PasswordHashes.verify(stored, "Пароль-2024".toCharArray())).isTrue();
        assertThat(PasswordHashes.verify(stored, "Пароль-2025".toCharArray())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{MD5}X03MO1qnZdYdgyfeuILPmQ==", "5f4dcc3b5aa765d61d8327deb882cf99", "$1$abc$def",
            "sha256$xyz", "", "plain-text-password", "$2x$10$XVLnWQzjXFSrXETrZwyuKO8Y0bOMpCxP.fqnJBH8IpyU4ZCIslm2K",
            "pbkdf2-sha256$abc$c2FsdA==$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=",
            "pbkdf2-sha256$10$c2FsdA==$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=",
            "pbkdf2-sha256$4096$c2FsdA==$!!!", "pbkdf2-sha256$4096$c2FsdA==", "$2a$10$short"})
    void unknownOrMalformedFormatNeverVerifies(String stored) {
        assertThat(PasswordHashes.verify(stored, "password".toCharArray())).isFalse();
    }

    @Test
    void nullsNeverVerify() {
        assertThat(PasswordHashes.verify(null, "x".toCharArray())).isFalse();
        assertThat(PasswordHashes.verify("$2a$04$abc", null)).isFalse();
    }

    @Test
    void formatNameNeverLeaksTheValue() {
        assertThat(PasswordHashes.formatName("{MD5}X03MO1qnZdYdgyfeuILPmQ==")).isEqualTo("MD5");
        assertThat(PasswordHashes.formatName("sha256$xyz")).isEqualTo("sha256");
        assertThat(PasswordHashes.formatName("plain-text-password")).isEqualTo("unknown");
        assertThat(PasswordHashes.formatName("5f4dcc3b5aa765d61d8327deb882cf99")).isEqualTo("unknown");
    }

    @Test
    void aClearTextPasswordWithASeparatorIsNotTakenForASchemeName() {
        assertThat(PasswordHashes.formatName("Pa55:word")).isEqualTo("unknown");
        assertThat(PasswordHashes.formatName("Sgo2024$x")).isEqualTo("unknown");
        assertThat(PasswordHashes.formatName("$2y$10$abcdefghijklmnopqrstuv")).isEqualTo("2y");
    }
}
