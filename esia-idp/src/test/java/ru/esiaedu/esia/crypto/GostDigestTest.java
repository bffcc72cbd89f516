package ru.esiaedu.esia.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class GostDigestTest {

    @Test
    void demoCertificateHashMatchesOpensslKnownAnswer() {
        String hash = GostDigest.certificateHash(Pem.certificates(TestKeys.demoCertPem()).get(0));
        assertThat(hash).isEqualTo(TestKeys.DEMO_CERT_HASH).hasSize(64).matches("[0-9A-F]{64}");
    }

    @Test
    void streebog256KnownAnswerFromGostStandard() {
        // RFC 6986 §10.1 example M1 (the 63 ASCII bytes below); same value from `openssl dgst -engine gost -md_gost12_256`
        byte[] m1 = "012345678901234567890123456789012345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
        assertThat(HexFormat.of().formatHex(GostDigest.digest256(m1)))
                .isEqualTo("9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500");
    }

    @Test
    void differentCertificatesHaveDifferentHashes() {
        assertThat(GostDigest.certificateHash(TestKeys.gost("X").certificate()))
                .isNotEqualTo(GostDigest.certificateHash(TestKeys.gost("Y").certificate()));
    }
}
