package ru.esiaedu.esia.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jboss.logging.Logger;

/**
 * Signs with a private key held in this JVM (BouncyCastle). Fine for ESIA's test stand and development;
 * production connections need certified crypto (see {@link RemoteSigningServiceSigner}).
 *
 * <ul>
 * <li>GOST R 34.10-2012-256 key: {@link #signRaw} = JCA {@code GOST3411-2012-256WITHECGOST3410-2012-256}
 * (BC), 64 bytes in exactly OpenSSL's byte order (not reversed); CMS digest GOST R 34.11-2012-256.</li>
 * <li>RSA key (legacy test stands): {@link #signRaw} = {@code SHA256withRSA}; CMS digest SHA-256.</li>
 * </ul>
 * Thread-safe.
 */
public final class LocalKeySigner implements RequestSigner {

    private static final Logger LOG = Logger.getLogger(LocalKeySigner.class);

    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final KeyType keyType;
    private final String certificateHash;
    private final GostRawSigner gost;

    private LocalKeySigner(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.certificate = BouncyCastleSupport.normalize(Objects.requireNonNull(certificate, "certificate"));
        this.keyType = KeyType.of(this.certificate.getPublicKey());
        if (keyType != KeyType.GOST_2012_256 && keyType != KeyType.RSA) {
            throw new IllegalArgumentException("Unsupported signing certificate key type " + keyType
                    + ": ESIA needs GOST R 34.10-2012 with a 256-bit key (RSA only for legacy test stands)");
        }
        KeyType privateType = KeyType.of(privateKey);
        if (privateType != KeyType.OTHER && privateType != keyType) {
            throw new IllegalArgumentException("The private key (" + privateType
                    + ") does not match the certificate's public key (" + keyType + ")");
        }
        requireMatchingPair(privateKey, this.certificate, keyType);
        this.gost = keyType == KeyType.GOST_2012_256 ? gostSigner(privateKey) : null;
        this.certificateHash = GostDigest.certificateHash(this.certificate);
        LOG.debugf("Local signer ready: %s key, certificate '%s', hash %s", keyType,
                this.certificate.getSubjectX500Principal().getName(), certificateHash);
    }

    /** From an unencrypted PEM private key (PKCS#8 or PKCS#1 RSA) and its PEM certificate. */
    public static LocalKeySigner fromPem(String privateKeyPem, String certificatePem) {
        return new LocalKeySigner(Pem.privateKey(privateKeyPem), Pem.certificates(certificatePem).get(0));
    }

    /** From a key and certificate already loaded. */
    public static LocalKeySigner of(PrivateKey privateKey, X509Certificate certificate) {
        return new LocalKeySigner(privateKey, certificate);
    }

    /**
     * From a PKCS#12 file (read with BouncyCastle, so GOST keys work).
     *
     * @param aliasOrNull the key entry; {@code null} = the only key entry of the file
     */
    public static LocalKeySigner fromPkcs12(byte[] p12, char[] password, String aliasOrNull) {
        Objects.requireNonNull(p12, "p12");
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12", BouncyCastleSupport.provider());
            store.load(new ByteArrayInputStream(p12), password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Cannot read the PKCS#12 file (wrong password or not a PKCS#12 file)", e);
        }
        try {
            String alias = aliasOrNull;
            if (alias == null) {
                List<String> keyAliases = new ArrayList<>();
                for (String a : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(a)) {
                        keyAliases.add(a);
                    }
                }
                if (keyAliases.isEmpty()) {
                    throw new IllegalArgumentException("The PKCS#12 file holds no private key");
                }
                if (keyAliases.size() > 1) {
                    throw new IllegalArgumentException("The PKCS#12 file holds " + keyAliases.size()
                            + " private keys " + keyAliases + "; configure which alias to use");
                }
                alias = keyAliases.get(0);
            } else if (!store.isKeyEntry(alias)) {
                throw new IllegalArgumentException("The PKCS#12 file has no private key under alias '" + alias + "'");
            }
            Key key = store.getKey(alias, password);
            if (!(key instanceof PrivateKey)) {
                throw new IllegalArgumentException("PKCS#12 entry '" + alias + "' is not a private key");
            }
            Certificate cert = store.getCertificate(alias);
            if (!(cert instanceof X509Certificate)) {
                throw new IllegalArgumentException("PKCS#12 entry '" + alias + "' has no X.509 certificate");
            }
            return new LocalKeySigner((PrivateKey) key, (X509Certificate) cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the key from the PKCS#12 file (wrong password?)", e);
        }
    }

    @Override
    public String signRaw(byte[] content) throws SigningException {
        Objects.requireNonNull(content, "content");
        if (gost != null) {
            try {
                return Base64Url.encode(gost.sign(content));
            } catch (RuntimeException e) {
                throw new SigningException("Local " + keyType + " signing failed: " + e.getClass().getSimpleName(), e);
            }
        }
        try {
            Signature signature = Signature.getInstance(keyType.jcaSignatureAlgorithm(), BouncyCastleSupport.provider());
            signature.initSign(privateKey);
            signature.update(content);
            return Base64Url.encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new SigningException("Local " + keyType + " signing failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Detached CMS SignedData, DER, signer certificate and signing-time attribute included; base64url without padding. */
    @Override
    public String signDetachedCms(byte[] content) throws SigningException {
        Objects.requireNonNull(content, "content");
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(keyType.jcaSignatureAlgorithm())
                    .setProvider(BouncyCastleSupport.provider())
                    .build(privateKey);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            // the default signed-attribute generator adds content-type, message-digest and signing-time
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastleSupport.provider()).build())
                    .build(contentSigner, certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
            return Base64Url.encode(signed.getEncoded("DER"));
        } catch (OperatorCreationException | GeneralSecurityException | CMSException | IOException e) {
            throw new SigningException("Local CMS signing failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String certificateHash() {
        return certificateHash;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public KeyType keyType() {
        return keyType;
    }

    private static GostRawSigner gostSigner(PrivateKey privateKey) {
        try {
            return new GostRawSigner(privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The GOST private key cannot be used for signing", e);
        }
    }

    private static void requireMatchingPair(PrivateKey key, X509Certificate cert, KeyType type) {
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        boolean ok;
        try {
            Signature signer = Signature.getInstance(type.jcaSignatureAlgorithm(), BouncyCastleSupport.provider());
            signer.initSign(key);
            signer.update(challenge);
            byte[] sig = signer.sign();
            Signature verifier = Signature.getInstance(type.jcaSignatureAlgorithm(), BouncyCastleSupport.provider());
            verifier.initVerify(cert.getPublicKey());
            verifier.update(challenge);
            ok = verifier.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("The private key cannot be used with the certificate's "
                    + type + " public key (mismatched or unsupported key)", e);
        }
        if (!ok) {
            throw new IllegalArgumentException("The private key does not match the certificate's public key");
        }
    }
}
