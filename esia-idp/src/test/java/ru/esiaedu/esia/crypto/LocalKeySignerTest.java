package ru.esiaedu.esia.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;

import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.rosstandart.RosstandartObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.junit.jupiter.api.Test;

class LocalKeySignerTest {

    private static final byte[] DATA = ("SCHOOL01openid fullname snils2026.11.22 21:00:00 +0300"
            + "4f3c1c1e-7b1c-4a8e-9d57-3f1d2b0c9e11https://school.example/realms/school/broker/esia/endpoint")
            .getBytes(StandardCharsets.UTF_8);

    private final LocalKeySigner demo = LocalKeySigner.fromPem(TestKeys.demoKeyPem(), TestKeys.demoCertPem());

    @Test
    void rawGostSignatureIs64BytesBase64UrlAndVerifiesWithCertificate() throws Exception {
        String sig = demo.signRaw(DATA);
        assertThat(sig).hasSize(86).matches("[A-Za-z0-9_-]{86}");
        byte[] raw = Base64.getUrlDecoder().decode(sig);
        assertThat(raw).hasSize(64);
        assertThat(verify(demo.certificate(), DATA, raw)).isTrue();
        assertThat(verify(demo.certificate(), "other".getBytes(StandardCharsets.UTF_8), raw)).isFalse();
    }

    @Test
    void everySignatureOfAKeyOfAnotherParameterSetVerifiesToo() throws Exception {
        // r and s are padded to 32 bytes each: about one signature in a hundred has a half with a leading zero byte
        TestKeys.KeyAndCert other = TestKeys.gost("paramSetA");
        LocalKeySigner signer = LocalKeySigner.of(other.keyPair().getPrivate(), other.certificate());
        for (int i = 0; i < 64; i++) {
            byte[] data = ("state-" + i).getBytes(StandardCharsets.UTF_8);
            byte[] raw = Base64.getUrlDecoder().decode(signer.signRaw(data));
            assertThat(raw).hasSize(64);
            assertThat(verify(other.certificate(), data, raw)).as("signature %d", i).isTrue();
        }
    }

    @Test
    void reversedOrHalfSwappedSignatureDoesNotVerify() throws Exception {
        byte[] raw = Base64.getUrlDecoder().decode(demo.signRaw(DATA));
        byte[] reversed = new byte[64];
        byte[] swapped = new byte[64];
        for (int i = 0; i < 64; i++) {
            reversed[i] = raw[63 - i];
        }
        System.arraycopy(raw, 32, swapped, 0, 32);
        System.arraycopy(raw, 0, swapped, 32, 32);
        assertThat(verify(demo.certificate(), DATA, reversed)).isFalse();
        assertThat(verify(demo.certificate(), DATA, swapped)).isFalse();
    }

    @Test
    void certificateHashIsTheGostHashOfTheDer() {
        assertThat(demo.certificateHash()).isEqualTo(TestKeys.DEMO_CERT_HASH);
    }

    @Test
    void detachedCmsVerifiesWithBcAndCarriesCertificateAndSigningTime() throws Exception {
        String cms = demo.signDetachedCms(DATA);
        assertThat(cms).matches("[A-Za-z0-9_-]+");
        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(DATA), Base64.getUrlDecoder().decode(cms));
        assertThat(signed.getSignedContent().getContent()).isEqualTo(DATA);

        Collection<X509CertificateHolder> certs = signed.getCertificates().getMatches(null);
        assertThat(certs).hasSize(1);
        assertThat(certs.iterator().next().getEncoded()).isEqualTo(demo.certificate().getEncoded());

        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        assertThat(signer.getDigestAlgOID()).isEqualTo(RosstandartObjectIdentifiers.id_tc26_gost_3411_12_256.getId());
        Attribute signingTime = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        assertThat(signingTime).isNotNull();
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                .setProvider(BouncyCastleSupport.provider()).build(demo.certificate()))).isTrue();

        // detached: the encoded structure does not carry the content, and other content fails
        CMSSignedData other = new CMSSignedData(new CMSProcessableByteArray("x".getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlDecoder().decode(cms));
        SignerInformation otherSigner = other.getSignerInfos().getSigners().iterator().next();
        assertThatThrownBy(() -> otherSigner.verify(new JcaSimpleSignerInfoVerifierBuilder()
                .setProvider(BouncyCastleSupport.provider()).build(demo.certificate())))
                .hasMessageContaining("message-digest attribute value does not match");
    }

    @Test
    void rsaKeySignsWithSha256WithRsa() throws Exception {
        TestKeys.KeyAndCert rsa = TestKeys.rsa("RSA signer");
        LocalKeySigner signer = LocalKeySigner.of(rsa.keyPair().getPrivate(), rsa.certificate());
        assertThat(signer.keyType()).isEqualTo(KeyType.RSA);
        byte[] raw = Base64.getUrlDecoder().decode(signer.signRaw(DATA));
        assertThat(raw).hasSize(256);
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(rsa.certificate().getPublicKey());
        v.update(DATA);
        assertThat(v.verify(raw)).isTrue();

        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(DATA),
                Base64.getUrlDecoder().decode(signer.signDetachedCms(DATA)));
        SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
        assertThat(si.getDigestAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha256.getId());
        assertThat(si.verify(new JcaSimpleSignerInfoVerifierBuilder()
                .setProvider(BouncyCastleSupport.provider()).build(rsa.certificate()))).isTrue();
    }

    @Test
    void loadsPkcs12MadeFromThePemKeyAndCert() throws Exception {
        PrivateKey key = Pem.privateKey(TestKeys.demoKeyPem());
        X509Certificate cert = Pem.certificates(TestKeys.demoCertPem()).get(0);
        char[] password = "changeit".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12", BouncyCastleSupport.provider());
        store.load(null, null);
        store.setKeyEntry("school01", key, password, new Certificate[] {cert});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        byte[] p12 = out.toByteArray();

        LocalKeySigner byAlias = LocalKeySigner.fromPkcs12(p12, password, "school01");
        LocalKeySigner single = LocalKeySigner.fromPkcs12(p12, password, null);
        assertThat(byAlias.certificateHash()).isEqualTo(TestKeys.DEMO_CERT_HASH);
        assertThat(single.certificateHash()).isEqualTo(TestKeys.DEMO_CERT_HASH);
        byte[] raw = Base64.getUrlDecoder().decode(single.signRaw(DATA));
        assertThat(verify(cert, DATA, raw)).isTrue();

        assertThatThrownBy(() -> LocalKeySigner.fromPkcs12(p12, "wrong".toCharArray(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrong password");
        assertThatThrownBy(() -> LocalKeySigner.fromPkcs12(p12, password, "nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alias 'nope'");
    }

    @Test
    void pkcs12WithTwoKeysNeedsAnAlias() throws Exception {
        TestKeys.KeyAndCert a = TestKeys.gost("A");
        TestKeys.KeyAndCert b = TestKeys.gost("B");
        char[] password = "pw".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12", BouncyCastleSupport.provider());
        store.load(null, null);
        store.setKeyEntry("a", a.keyPair().getPrivate(), password, new Certificate[] {a.certificate()});
        store.setKeyEntry("b", b.keyPair().getPrivate(), password, new Certificate[] {b.certificate()});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);

        assertThatThrownBy(() -> LocalKeySigner.fromPkcs12(out.toByteArray(), password, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("configure which alias");
        assertThat(LocalKeySigner.fromPkcs12(out.toByteArray(), password, "b").certificateHash())
                .isEqualTo(GostDigest.certificateHash(b.certificate()));
    }

    @Test
    void refusesKeyThatDoesNotMatchCertificate() {
        TestKeys.KeyAndCert other = TestKeys.gost("other");
        assertThatThrownBy(() -> LocalKeySigner.fromPem(TestKeys.demoKeyPem(), Pem.encode(other.certificate())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The private key does not match the certificate's public key");
        TestKeys.KeyAndCert rsa = TestKeys.rsa("rsa");
        assertThatThrownBy(() -> LocalKeySigner.of(rsa.keyPair().getPrivate(), other.certificate()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match the certificate's public key");
    }

    @Test
    void acceptsACertificateParsedByTheJdkProvider() throws Exception {
        X509Certificate jdkCert = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(
                        Pem.certificates(TestKeys.demoCertPem()).get(0).getEncoded()));
        LocalKeySigner signer = LocalKeySigner.of(Pem.privateKey(TestKeys.demoKeyPem()), jdkCert);
        assertThat(signer.certificateHash()).isEqualTo(TestKeys.DEMO_CERT_HASH);
        assertThat(verify(signer.certificate(), DATA, Base64.getUrlDecoder().decode(signer.signRaw(DATA)))).isTrue();
    }

    static boolean verify(X509Certificate cert, byte[] data, byte[] raw) throws Exception {
        Signature v = Signature.getInstance("GOST3411-2012-256WITHECGOST3410-2012-256", BouncyCastleSupport.provider());
        v.initVerify(cert.getPublicKey());
        v.update(data);
        return v.verify(raw);
    }
}
