package ru.esiaedu.esia.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.esiaedu.esia.token.EsiaTokenException;
import ru.esiaedu.esia.token.EsiaTokenVerifier;
import ru.esiaedu.esia.token.VerifiedToken;

/**
 * Interop with the real OpenSSL GOST engine (Debian package {@code libengine-gost-openssl}): the byte layout of raw
 * signatures, the certificate hash and detached CMS must be exactly what OpenSSL — and therefore ESIA — expects.
 * The only check of our GOST output by an independent implementation, so on CI ({@code CI=true}) a missing engine fails
 * the build; on a developer's machine the class is skipped with a WARNING line in the build output.
 */
class OpenSslGostInteropTest {

    private static final byte[] DATA = ("SCHOOL01openid fullname snils kid_fullname2026.11.22 21:00:00 +0300"
            + "4f3c1c1e-7b1c-4a8e-9d57-3f1d2b0c9e11https://school.example/realms/school/broker/esia/endpoint")
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final LocalKeySigner signer = LocalKeySigner.fromPem(TestKeys.demoKeyPem(), TestKeys.demoCertPem());

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void requireGostEngine() {
        Result r;
        try {
            r = run(Path.of(System.getProperty("java.io.tmpdir")), "openssl", "engine", "gost");
        } catch (IOException e) {
            r = new Result(-1, "", e.getMessage());
        }
        boolean available = r.exit() == 0 && r.out().toLowerCase(Locale.ROOT).contains("gost");
        String missing = "OpenSSL GOST engine unavailable (install libengine-gost-openssl): " + r.all().strip();
        if (!available && onCi(System.getenv("CI"))) {
            throw new AssertionError(missing + ". CI=true: the independent GOST check is required here.");
        }
        if (!available) {
            // Surefire prints this in the build output; a skip alone is easy to miss.
            System.out.println("[WARNING] " + missing + ". The independent GOST interop checks are SKIPPED;"
                    + " on CI (CI=true) this fails the build.");
        }
        Assumptions.assumeTrue(available, missing);
    }

    /** CI systems (GitHub Actions, GitLab CI, …) set {@code CI=true}. */
    static boolean onCi(String ci) {
        return ci != null && (ci.equalsIgnoreCase("true") || ci.equals("1"));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.US_ASCII));
    }

    private Path publicKeyPem() throws IOException {
        Path cert = write("cert.pem", TestKeys.demoCertPem());
        Result r = run(dir, "openssl", "x509", "-engine", "gost", "-in", cert.toString(), "-pubkey", "-noout");
        assertEquals(0, r.exit(), r.all());
        assertThat(r.out()).contains("-----BEGIN PUBLIC KEY-----");
        return write("pub.pem", r.out());
    }

    @Test
    void ourRawSignatureVerifiesWithOpenssl() throws Exception {
        Path pub = publicKeyPem();
        Path data = write("data.bin", DATA);
        byte[] sig = Base64.getUrlDecoder().decode(signer.signRaw(DATA));
        assertThat(sig).hasSize(64);
        Path sigFile = write("sig.bin", sig);

        Result ok = run(dir, "openssl", "dgst", "-engine", "gost", "-md_gost12_256", "-verify", pub.toString(),
                "-signature", sigFile.toString(), data.toString());
        assertThat(ok.out()).as(ok.all()).contains("Verified OK");
        assertEquals(0, ok.exit(), ok.all());

        // control: OpenSSL really checks — the CryptoPro (reversed) order must fail
        byte[] reversed = new byte[64];
        for (int i = 0; i < 64; i++) {
            reversed[i] = sig[63 - i];
        }
        Path revFile = write("sig-reversed.bin", reversed);
        Result bad = run(dir, "openssl", "dgst", "-engine", "gost", "-md_gost12_256", "-verify", pub.toString(),
                "-signature", revFile.toString(), data.toString());
        assertThat(bad.exit()).as(bad.all()).isNotZero();
        assertThat(bad.out()).doesNotContain("Verified OK");
    }

    @Test
    void opensslSignatureVerifiesWithOurTokenVerifier() throws Exception {
        Path key = write("key.pem", TestKeys.demoKeyPem());
        long now = 1_795_000_000L;
        String header = b64("{\"ver\":1,\"typ\":\"JWT\",\"sbt\":\"access\",\"alg\":\"GOST3410_2012_256\"}");
        String payload = b64("{\"nbf\":" + (now - 5) + ",\"scope\":\"openid fullname?oid=1000299681\","
                + "\"iss\":\"http://esia-portal1.test.gosuslugi.ru/\",\"urn:esia:sid\":\"s\",\"urn:esia:sbj_id\":1000299681,"
                + "\"exp\":" + (now + 3600) + ",\"iat\":" + (now - 5) + ",\"client_id\":\"SCHOOL01\"}");
        Path input = write("jwt-input.txt", header + "." + payload);
        Path sigFile = dir.resolve("jwt-sig.bin");
        Result r = run(dir, "openssl", "dgst", "-engine", "gost", "-md_gost12_256", "-sign", key.toString(),
                "-out", sigFile.toString(), input.toString());
        assertEquals(0, r.exit(), r.all());
        byte[] sig = Files.readAllBytes(sigFile);
        assertThat(sig).hasSize(64);

        EsiaTokenVerifier verifier = new EsiaTokenVerifier(Pem.certificates(TestKeys.demoCertPem()),
                "http://esia-portal1.test.gosuslugi.ru/", "SCHOOL01", Duration.ofSeconds(60),
                Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
        String jwt = header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        VerifiedToken token = verifier.verify(jwt);
        assertThat(token.oid()).isEqualTo("1000299681");
        assertThat(token.scopes()).containsExactly("openid", "fullname");

        // control: the same signature over another payload is rejected
        String otherPayload = b64("{\"exp\":" + (now + 3600) + ",\"iss\":\"http://esia-portal1.test.gosuslugi.ru/\","
                + "\"client_id\":\"SCHOOL01\",\"sub\":\"1\"}");
        try {
            verifier.verify(header + "." + otherPayload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig));
            throw new AssertionError("tampered payload accepted");
        } catch (EsiaTokenException e) {
            assertThat(e.reason()).isEqualTo(EsiaTokenException.Reason.BAD_SIGNATURE);
        }

        // and the raw bytes also verify with BC directly
        assertThat(LocalKeySignerTest.verify(signer.certificate(),
                (header + "." + payload).getBytes(StandardCharsets.US_ASCII), sig)).isTrue();
    }

    @Test
    void certificateHashEqualsOpensslDigestOfDer() throws Exception {
        Path cert = write("cert.pem", TestKeys.demoCertPem());
        Path der = dir.resolve("cert.der");
        Result conv = run(dir, "openssl", "x509", "-engine", "gost", "-in", cert.toString(), "-outform", "DER",
                "-out", der.toString());
        assertEquals(0, conv.exit(), conv.all());
        Result dgst = run(dir, "openssl", "dgst", "-engine", "gost", "-md_gost12_256", "-r", der.toString());
        assertEquals(0, dgst.exit(), dgst.all());
        String opensslHash = dgst.out().strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
        assertThat(opensslHash).hasSize(64);
        assertThat(GostDigest.certificateHash(Pem.certificates(TestKeys.demoCertPem()).get(0))).isEqualTo(opensslHash);
        assertThat(signer.certificateHash()).isEqualTo(opensslHash);
        assertThat(opensslHash).isEqualTo(TestKeys.DEMO_CERT_HASH);
    }

    @Test
    void ourDetachedCmsVerifiesWithOpensslCms() throws Exception {
        Path data = write("data.bin", DATA);
        Path cms = write("cms.der", Base64.getUrlDecoder().decode(signer.signDetachedCms(DATA)));
        Path out = dir.resolve("cms-content.bin");
        Result r = run(dir, "openssl", "cms", "-verify", "-engine", "gost", "-inform", "DER", "-in", cms.toString(),
                "-binary", "-content", data.toString(), "-noverify", "-out", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertThat(r.all()).contains("Verification successful");
        assertThat(Files.readAllBytes(out)).isEqualTo(DATA);

        Result certs = run(dir, "openssl", "cms", "-cmsout", "-engine", "gost", "-inform", "DER", "-in", cms.toString(),
                "-print");
        assertEquals(0, certs.exit(), certs.all());
        assertThat(certs.out()).contains("SCHOOL01 demo client").contains("signingTime");

        // control: other content fails
        Path other = write("other.bin", "other".getBytes(StandardCharsets.UTF_8));
        Result bad = run(dir, "openssl", "cms", "-verify", "-engine", "gost", "-inform", "DER", "-in", cms.toString(),
                "-binary", "-content", other.toString(), "-noverify", "-out", dir.resolve("x.bin").toString());
        assertThat(bad.exit()).as(bad.all()).isNotZero();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Result run(Path workDir, String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Path stdout = Files.createTempFile(workDir, "out", ".txt");
        Path stderr = Files.createTempFile(workDir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", cmd));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        return new Result(p.exitValue(), Files.readString(stdout, StandardCharsets.ISO_8859_1),
                Files.readString(stderr, StandardCharsets.ISO_8859_1));
    }
}
