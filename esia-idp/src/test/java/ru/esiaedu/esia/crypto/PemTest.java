package ru.esiaedu.esia.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;

class PemTest {

    @Test
    void readsDemoGostCertificate() {
        List<X509Certificate> certs = Pem.certificates(TestKeys.demoCertPem());
        assertThat(certs).hasSize(1);
        assertThat(certs.get(0).getSubjectX500Principal().getName()).contains("SCHOOL01");
        assertThat(KeyType.of(certs.get(0).getPublicKey())).isEqualTo(KeyType.GOST_2012_256);
    }

    @Test
    void readsSeveralCertificatesWithCrlfAndTextBetween() {
        String a = Pem.encode(TestKeys.gost("A").certificate());
        String b = Pem.encode(TestKeys.rsa("B").certificate());
        String bundle = "Subject: CN=A\r\n" + a.replace("\n", "\r\n") + "\r\n\r\nsome text: B\n  "
                + b.replace("\n", "\n   ") + "\ntrailer";
        List<X509Certificate> certs = Pem.certificates(bundle);
        assertThat(certs).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("O=keycloak-esia-edu tests,CN=A", "O=keycloak-esia-edu tests,CN=B");
    }

    @Test
    void rejectsTextWithoutCertificate() {
        assertThatThrownBy(() -> Pem.certificates("hello"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No '-----BEGIN CERTIFICATE-----'");
        assertThatThrownBy(() -> Pem.certificates(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void rejectsCorruptCertificate() {
        String pem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        assertThatThrownBy(() -> Pem.certificates(pem))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid X.509 certificate");
        String notBase64 = "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n";
        assertThatThrownBy(() -> Pem.certificates(notBase64))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid base64");
    }

    @Test
    void readsOpensslGostPkcs8Key() {
        PrivateKey key = Pem.privateKey(TestKeys.demoKeyPem());
        assertThat(KeyType.of(key)).isEqualTo(KeyType.GOST_2012_256);
    }

    @Test
    void readsRsaPkcs8AndPkcs1Keys() throws Exception {
        TestKeys.KeyAndCert rsa = TestKeys.rsa("R");
        byte[] pkcs8 = rsa.keyPair().getPrivate().getEncoded();
        PrivateKey fromPkcs8 = Pem.privateKey(Pem.encode("PRIVATE KEY", pkcs8));
        assertThat(fromPkcs8.getEncoded()).isEqualTo(pkcs8);

        byte[] pkcs1 = PrivateKeyInfo.getInstance(pkcs8).parsePrivateKey().toASN1Primitive().getEncoded("DER");
        PrivateKey fromPkcs1 = Pem.privateKey(Pem.encode("RSA PRIVATE KEY", pkcs1).replace("\n", "\r\n"));
        assertThat(KeyType.of(fromPkcs1)).isEqualTo(KeyType.RSA);
        assertThat(fromPkcs1.getEncoded()).isEqualTo(pkcs8);
    }

    @Test
    void keyIsFoundAfterACertificateInTheSameFile() {
        String both = TestKeys.demoCertPem() + TestKeys.demoKeyPem();
        assertThat(KeyType.of(Pem.privateKey(both))).isEqualTo(KeyType.GOST_2012_256);
    }

    @Test
    void rejectsEncryptedOrMissingKey() {
        assertThatThrownBy(() -> Pem.privateKey("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encrypted");
        assertThatThrownBy(() -> Pem.privateKey(TestKeys.demoCertPem()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No '-----BEGIN PRIVATE KEY-----'");
        assertThatThrownBy(() -> Pem.privateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be decoded");
    }
}
