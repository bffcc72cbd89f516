package ru.esiaedu.esia.crypto;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BouncyCastleSupportTest {

    @Test
    void aCertificateTheJdkReadIsReadAgainByBouncyCastle() throws Exception {
        X509Certificate bc = Pem.certificate(TestKeys.demoCertPem());
        X509Certificate jdk = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(bc.getEncoded()));

        X509Certificate normalized = BouncyCastleSupport.normalize(jdk);

        assertThat(normalized).isNotSameAs(jdk).isEqualTo(bc);
        assertThat(normalized.getPublicKey().getClass().getName()).startsWith("org.bouncycastle.");
    }

    @Test
    void aCertificateBouncyCastleReadIsKeptAsItIs() {
        X509Certificate bc = Pem.certificate(TestKeys.demoCertPem());

        assertThat(BouncyCastleSupport.normalize(bc)).isSameAs(bc);
    }
}
