package ru.esiaedu.esia.crypto;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import org.bouncycastle.crypto.digests.GOST3411_2012_256Digest;

/** GOST R 34.11-2012 (Streebog) 256-bit digests as ESIA wants them. */
public final class GostDigest {

    private GostDigest() {
    }

    /**
     * ESIA {@code client_certificate_hash}: GOST R 34.11-2012-256 of the certificate's DER encoding,
     * 64 upper-case hex characters. (A hash of the PEM text or a SHA-* hash is rejected with ESIA-007053.)
     */
    public static String certificateHash(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        try {
            return HexFormat.of().formatHex(digest256(certificate.getEncoded())).toUpperCase(Locale.ROOT);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Cannot DER-encode the certificate", e);
        }
    }

    /** GOST R 34.11-2012-256 of {@code data} (32 bytes). */
    public static byte[] digest256(byte[] data) {
        Objects.requireNonNull(data, "data");
        GOST3411_2012_256Digest digest = new GOST3411_2012_256Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
