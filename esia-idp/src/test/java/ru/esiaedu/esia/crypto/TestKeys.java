package ru.esiaedu.esia.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test keys: the demo client key/cert from resources, and fresh BC-generated key pairs with self-signed certs. */
public final class TestKeys {

    public static final String DEMO_CERT_RESOURCE = "/keys/client-gost.crt.pem";
    public static final String DEMO_KEY_RESOURCE = "/keys/client-gost.key.pem";
    /** {@code openssl dgst -engine gost -md_gost12_256} of the demo certificate's DER, computed once by hand. */
    public static final String DEMO_CERT_HASH = "3C8F2407621D9DB2311D812EE86F407726BE8C3458C0D813F9BD9D9D4D215E09";

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private TestKeys() {
    }

    public static String resource(String name) {
        try (InputStream in = TestKeys.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String demoCertPem() {
        return resource(DEMO_CERT_RESOURCE);
    }

    public static String demoKeyPem() {
        return resource(DEMO_KEY_RESOURCE);
    }

    public record KeyAndCert(KeyPair keyPair, X509Certificate certificate) {
    }

    public static KeyAndCert gost(String cn) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("ECGOST3410-2012", BouncyCastleSupport.provider());
            gen.initialize(new ECGenParameterSpec("Tc26-Gost-3410-12-256-paramSetA"));
            KeyPair kp = gen.generateKeyPair();
            return new KeyAndCert(kp, selfSigned(kp, cn, "GOST3411-2012-256WITHECGOST3410-2012-256"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyAndCert rsa(String cn) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA", BouncyCastleSupport.provider());
            gen.initialize(2048);
            KeyPair kp = gen.generateKeyPair();
            return new KeyAndCert(kp, selfSigned(kp, cn, "SHA256withRSA"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate selfSigned(KeyPair kp, String cn, String sigAlg) throws Exception {
        X500Name name = new X500Name("CN=" + cn + ",O=keycloak-esia-edu tests");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(365, ChronoUnit.DAYS)), name, kp.getPublic());
        return new JcaX509CertificateConverter().setProvider(BouncyCastleSupport.provider())
                .getCertificate(builder.build(new JcaContentSignerBuilder(sigAlg)
                        .setProvider(BouncyCastleSupport.provider()).build(kp.getPrivate())));
    }
}
