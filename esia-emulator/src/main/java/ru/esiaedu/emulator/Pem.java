package ru.esiaedu.emulator;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Loads PEM keys and certificates (GOST ones need BouncyCastle) from the classpath or disk. */
final class Pem {
    static final String BC = BouncyCastleProvider.PROVIDER_NAME;

    static {
        if (Security.getProvider(BC) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private Pem() {
    }

    /** Makes sure the BC provider is registered (GOST algorithms live only there). */
    static void init() {
        // the static initializer does the work
    }

    static String classpathText(String resource) {
        try (InputStream in = Pem.class.getResourceAsStream(resource.startsWith("/") ? resource : "/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a file path if it exists, else a classpath resource. */
    static String text(Path base, String location) {
        try {
            Path p = base == null ? Path.of(location) : base.resolve(location);
            if (base != null && Files.isRegularFile(p)) {
                return Files.readString(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classpathText(location);
    }

    static X509Certificate certificate(String pem) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509", BC);
            return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | java.security.NoSuchProviderException e) {
            throw new IllegalStateException("bad certificate PEM", e);
        }
    }

    static PrivateKey privateKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o = parser.readObject();
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter().setProvider(BC);
            if (o instanceof PrivateKeyInfo info) {
                return conv.getPrivateKey(info);
            }
            if (o instanceof PEMKeyPair pair) {
                return conv.getKeyPair(pair).getPrivate();
            }
            throw new IllegalStateException("not a private key PEM: " + (o == null ? "empty" : o.getClass().getSimpleName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
