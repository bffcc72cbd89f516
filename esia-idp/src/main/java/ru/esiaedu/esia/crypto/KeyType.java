package ru.esiaedu.esia.crypto;

import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.rosstandart.RosstandartObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** The kinds of keys this module knows, told apart by the key's ASN.1 algorithm OID (provider-independent). */
public enum KeyType {
    /** GOST R 34.10-2012 with a 256-bit key (OID 1.2.643.7.1.1.1.1) — what ESIA wants. */
    GOST_2012_256("GOST3411-2012-256WITHECGOST3410-2012-256"),
    /** GOST R 34.10-2012 with a 512-bit key (OID 1.2.643.7.1.1.1.2) — not used by ESIA request signing. */
    GOST_2012_512("GOST3411-2012-512WITHECGOST3410-2012-512"),
    /** RSA (ESIA test stands, legacy; RS256 tokens). */
    RSA("SHA256withRSA"),
    /** ECDSA (not used by ESIA). */
    EC("SHA256withECDSA"),
    OTHER(null);

    private final String jcaSignatureAlgorithm;

    KeyType(String jcaSignatureAlgorithm) {
        this.jcaSignatureAlgorithm = jcaSignatureAlgorithm;
    }

    /** The JCA (BouncyCastle) signature algorithm this module uses with such a key, or {@code null}. */
    public String jcaSignatureAlgorithm() {
        return jcaSignatureAlgorithm;
    }

    public static KeyType of(Key key) {
        if (key == null) {
            return OTHER;
        }
        ASN1ObjectIdentifier oid = null;
        byte[] encoded = key.getEncoded();
        if (encoded != null) {
            try {
                if (key instanceof PublicKey) {
                    oid = SubjectPublicKeyInfo.getInstance(encoded).getAlgorithm().getAlgorithm();
                } else if (key instanceof PrivateKey) {
                    oid = PrivateKeyInfo.getInstance(encoded).getPrivateKeyAlgorithm().getAlgorithm();
                }
            } catch (RuntimeException e) {
                oid = null;
            }
        }
        if (oid != null) {
            if (oid.equals(RosstandartObjectIdentifiers.id_tc26_gost_3410_12_256)) {
                return GOST_2012_256;
            }
            if (oid.equals(RosstandartObjectIdentifiers.id_tc26_gost_3410_12_512)) {
                return GOST_2012_512;
            }
            if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
                return RSA;
            }
            if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
                return EC;
            }
        }
        // keys without an encoding (e.g. hardware-held): fall back to the algorithm name
        String name = key.getAlgorithm() == null ? "" : key.getAlgorithm().toUpperCase(Locale.ROOT);
        if (name.equals("RSA")) {
            return RSA;
        }
        if (name.equals("EC") || name.equals("ECDSA")) {
            return EC;
        }
        return OTHER;
    }
}
