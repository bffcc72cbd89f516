package ru.esiaedu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.GOST3411_2012_256Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.esiaedu.e2e.support.E2e;

/**
 * deploy/check-certificates.sh, the commands of docs/ru/certificates.md, run on the demo certificates (and on
 * throw-away ones made here): each check says OK for what is right and fails for what is wrong.
 */
class CertificateCheckScriptTest {

    private static final Path REPO = E2e.repositoryDir();
    private static final Path DEMO_KEYS = REPO.resolve("realm-export/src/main/resources/demo-keys");
    private static final Path CLIENT_CERT = DEMO_KEYS.resolve("client-gost.crt.pem");
    private static final Path CLIENT_KEY = DEMO_KEYS.resolve("client-gost.key.pem");
    private static final Path ESIA_GOST_CERT = DEMO_KEYS.resolve("esia-gost.crt.pem");
    private static final Path ESIA_RSA_CERT = DEMO_KEYS.resolve("esia-rsa.crt.pem");

    @TempDir
    Path temp;

    private record Result(int exitCode, String output) {
    }

    @Test
    void certShowsTheCertificateAndTheHashEsiaRegisters() throws Exception {
        Result result = script("cert", CLIENT_CERT.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("subject=CN=SCHOOL01 demo client (NOT FOR PRODUCTION)")
                .contains("GOST R 34.10-2012")
                .contains("client_certificate_hash=" + gostHashOfDer(CLIENT_CERT))
                .contains("OK: сертификат читается и действует")
                .doesNotContain("ВНИМАНИЕ");
    }

    @Test
    void certWarnsOfACertificateThatExpiresWithinThirtyDays() throws Exception {
        Path soon = selfSigned("expires-soon", 5);
        Result result = script("cert", soon.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("ВНИМАНИЕ: срок действия истекает меньше чем через 30 дней");
    }

    @Test
    void certRefusesAFileThatIsNoCertificate() throws Exception {
        Result result = script("cert", CLIENT_KEY.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("не сертификат X.509 в PEM").doesNotContain("PRIVATE KEY");
    }

    @Test
    void pairAcceptsTheKeyOfTheCertificateOnly() throws Exception {
        Result matching = script("pair", CLIENT_KEY.toString(), CLIENT_CERT.toString());
        assertThat(matching.exitCode()).as(matching.output()).isZero();
        assertThat(matching.output()).contains("OK: ключ соответствует сертификату");

        Result other = script("pair", CLIENT_KEY.toString(), ESIA_GOST_CERT.toString());
        assertThat(other.exitCode()).isEqualTo(1);
        assertThat(other.output()).contains("НЕ соответствует сертификату");
    }

    @Test
    void bundleCountsEveryCertificateAsOpenSslAndJavaReadThem() throws Exception {
        Path bundle = temp.resolve("esia-ca.pem");
        Files.writeString(bundle, Files.readString(ESIA_GOST_CERT) + Files.readString(ESIA_RSA_CERT)
                + Files.readString(CLIENT_CERT));
        Result result = script("bundle", bundle.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("OK: сертификатов в файле: 3").contains("ESIA emulator token signing (RSA)");

        Path empty = temp.resolve("empty.pem");
        Files.writeString(empty, "not a certificate\n");
        assertThat(script("bundle", empty.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void chainAcceptsOnlyACertificateIssuedByTheBundle() throws Exception {
        Result own = script("chain", CLIENT_CERT.toString(), CLIENT_CERT.toString());
        assertThat(own.exitCode()).as(own.output()).isZero();

        Result foreign = script("chain", ESIA_GOST_CERT.toString(), CLIENT_CERT.toString());
        assertThat(foreign.exitCode()).isEqualTo(1);
        assertThat(foreign.output()).contains("не проверяется цепочкой");
    }

    @Test
    void tlsChecksAServerAgainstTheBundle() throws Exception {
        Path cert = selfSigned("localhost", 30 * 12);
        int port = E2e.freePort();
        Process server = new ProcessBuilder("openssl", "s_server", "-accept", String.valueOf(port), "-cert", cert.toString(),
                "-key", temp.resolve("localhost.key").toString(), "-www", "-quiet")
                .redirectErrorStream(true).redirectOutput(temp.resolve("s_server.log").toFile()).start();
        try {
            awaitListening(port, server);
            Result trusted = script("tls", "localhost:" + port, cert.toString());
            assertThat(trusted.exitCode()).as(trusted.output()).isZero();
            assertThat(trusted.output()).contains("OK: TLS localhost:" + port);

            Result untrusted = script("tls", "localhost:" + port, ESIA_RSA_CERT.toString());
            assertThat(untrusted.exitCode()).isEqualTo(1);
            assertThat(untrusted.output()).contains("не проверяется по");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Path selfSigned(String name, int days) throws Exception {
        Path key = temp.resolve(name + ".key");
        Path cert = temp.resolve(name + ".crt.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                key.toString(), "-out", cert.toString(), "-days", String.valueOf(days), "-subj", "/CN=" + name,
                "-addext", "subjectAltName=DNS:" + name)
                .redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor()).as("openssl req").isZero();
        return cert;
    }

    private static void awaitListening(int port, Process server) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            assertThat(server.isAlive()).as("openssl s_server runs").isTrue();
            try (Socket ignored = new Socket("localhost", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("openssl s_server does not listen on " + port);
    }

    /** The hash as ESIA defines it, computed independently of OpenSSL: GOST R 34.11-2012 (256) of the DER. */
    private static String gostHashOfDer(Path pem) throws Exception {
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(pem)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        byte[] der = certificate.getEncoded();
        GOST3411_2012_256Digest digest = new GOST3411_2012_256Digest();
        digest.update(der, 0, der.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return HexFormat.of().formatHex(hash).toUpperCase(Locale.ROOT);
    }

    private static Result script(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", REPO.resolve("deploy/check-certificates.sh").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("check-certificates.sh hangs: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
