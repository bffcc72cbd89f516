package ru.esiaedu.emulator;

import org.bouncycastle.crypto.digests.GOST3411_2012_256Digest;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** ESIA's client_certificate_hash: GOST R 34.11-2012-256 of the certificate DER, upper-case hex. */
final class GostHash {
    private GostHash() {
    }

    static String certificateHash(X509Certificate cert) {
        try {
            byte[] der = cert.getEncoded();
            GOST3411_2012_256Digest d = new GOST3411_2012_256Digest();
            d.update(der, 0, der.length);
            byte[] out = new byte[d.getDigestSize()];
            d.doFinal(out, 0);
            return HexFormat.of().withUpperCase().formatHex(out);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
