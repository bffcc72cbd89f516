package ru.esiaedu.esia.crypto;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Makes sure the BouncyCastle JCA provider ({@code "BC"}) is registered. Keycloak normally registers
 * it already; unit tests and other plain-JDK callers may not have. Registering is idempotent.
 */
public final class BouncyCastleSupport {

    /** The JCA provider name used for every GOST operation in this module. */
    public static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;

    private BouncyCastleSupport() {
    }

    /** Registers {@link BouncyCastleProvider} if no provider named {@code "BC"} is present; returns {@code "BC"}. */
    public static String provider() {
        if (Security.getProvider(PROVIDER) == null) {
            synchronized (BouncyCastleSupport.class) {
                if (Security.getProvider(PROVIDER) == null) {
                    Security.addProvider(new BouncyCastleProvider());
                }
            }
        }
        return PROVIDER;
    }

    private static final String BC_PACKAGE = "org.bouncycastle.";

    /** The registered {@code "BC"} provider instance (registering it first if needed). */
    public static Provider providerInstance() {
        return Security.getProvider(provider());
    }

    /**
     * The same certificate re-read by BouncyCastle, so that its public key is a BC key whatever provider
     * parsed it first (the JDK's own factory gives GOST keys BC's signatures cannot use).
     */
    public static X509Certificate normalize(X509Certificate certificate) {
        if (certificate.getClass().getName().startsWith(BC_PACKAGE)) {
            return certificate; // BouncyCastle read it already (Pem does): decoding it again costs every callback
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", provider());
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The certificate cannot be re-read by BouncyCastle", e);
        }
    }
}
