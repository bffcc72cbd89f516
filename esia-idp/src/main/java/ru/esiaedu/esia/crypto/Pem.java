package ru.esiaedu.esia.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * PEM loading for certificates and private keys, with the BouncyCastle provider so that GOST R 34.10-2012
 * keys and certificates work. Error messages never contain key material.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END ([A-Z0-9 ]+)-----", Pattern.DOTALL);

    private Pem() {
    }

    /**
     * All certificates of a PEM bundle: one or several {@code CERTIFICATE} blocks; whitespace, CRLF and
     * any text between blocks (e.g. {@code openssl x509 -text} output) are ignored. Blocks of other types
     * are ignored too.
     *
     * @throws IllegalArgumentException no certificate found, or one cannot be decoded
     */
    public static List<X509Certificate> certificates(String pemBundle) {
        if (pemBundle == null || pemBundle.isBlank()) {
            throw new IllegalArgumentException("No PEM certificate given (the text is empty)");
        }
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509", BouncyCastleSupport.provider());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle X.509 certificate factory unavailable", e);
        }
        List<X509Certificate> result = new ArrayList<>();
        int index = 0;
        for (Block block : blocks(pemBundle)) {
            index++;
            if (!block.type.equals("CERTIFICATE") && !block.type.equals("X509 CERTIFICATE")) {
                continue;
            }
            X509Certificate cert;
            try {
                cert = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der));
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new IllegalArgumentException("PEM block #" + index + " is not a valid X.509 certificate", e);
            }
            if (cert == null) {
                throw new IllegalArgumentException("PEM block #" + index + " is not a valid X.509 certificate");
            }
            result.add(cert);
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException(
                    "No '-----BEGIN CERTIFICATE-----' block found in the given PEM text");
        }
        return List.copyOf(result);
    }

    /** Exactly one certificate (the first of the bundle if it has several). */
    public static X509Certificate certificate(String pem) {
        return certificates(pem).get(0);
    }

    /**
     * A private key from PEM: PKCS#8 {@code PRIVATE KEY} (GOST R 34.10-2012 as made by
     * {@code openssl genpkey -engine gost -algorithm gost2012_256 -pkeyopt paramset:A}, RSA or EC),
     * PKCS#1 {@code RSA PRIVATE KEY} or SEC1 {@code EC PRIVATE KEY}. Encrypted keys are refused:
     * decrypt them first or use PKCS#12.
     *
     * @throws IllegalArgumentException no key found or it cannot be decoded
     */
    public static PrivateKey privateKey(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("No PEM private key given (the text is empty)");
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BouncyCastleSupport.provider());
        for (Block block : blocks(pem)) {
            if (block.type.equals("ENCRYPTED PRIVATE KEY")) {
                throw new IllegalArgumentException(
                        "The PEM private key is encrypted; decrypt it (openssl pkey) or use a PKCS#12 file");
            }
            if (!block.type.equals("PRIVATE KEY") && !block.type.equals("RSA PRIVATE KEY")
                    && !block.type.equals("EC PRIVATE KEY")) {
                continue; // not a key (e.g. a certificate in the same file), look further
            }
            try {
                switch (block.type) {
                    case "PRIVATE KEY":
                        return converter.getPrivateKey(PrivateKeyInfo.getInstance(block.der));
                    case "RSA PRIVATE KEY":
                        return converter.getPrivateKey(new PrivateKeyInfo(
                                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                                ASN1Primitive.fromByteArray(block.der)));
                    default: {
                        ECPrivateKey ec = ECPrivateKey.getInstance(block.der);
                        return converter.getPrivateKey(new PrivateKeyInfo(
                                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, ec.getParametersObject()),
                                ec));
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("The PEM '" + block.type
                        + "' block cannot be decoded as a private key (unsupported algorithm or corrupt data)", e);
            }
        }
        throw new IllegalArgumentException("No '-----BEGIN PRIVATE KEY-----' (PKCS#8) or "
                + "'-----BEGIN RSA PRIVATE KEY-----' block found in the given PEM text");
    }

    /** PEM text of a certificate ({@code -----BEGIN CERTIFICATE-----}, 64-character lines, LF). */
    public static String encode(X509Certificate certificate) {
        try {
            return encode("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot DER-encode the certificate", e);
        }
    }

    /** PEM text of arbitrary DER bytes under the given block type. */
    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private record Block(String type, byte[] der) {
    }

    private static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        int index = 0;
        while (m.find()) {
            index++;
            String type = m.group(1).trim();
            if (!type.equals(m.group(3).trim())) {
                throw new IllegalArgumentException("PEM block #" + index + " starts as '" + type
                        + "' but ends as '" + m.group(3).trim() + "'");
            }
            String body = m.group(2);
            if (body.contains(":")) {
                // RFC 1421 headers (Proc-Type/DEK-Info) = legacy OpenSSL encryption
                throw new IllegalArgumentException("PEM block #" + index + " ('" + type
                        + "') has headers (legacy encrypted PEM?); only unencrypted PEM is supported");
            }
            String base64 = body.replaceAll("\\s+", "");
            try {
                blocks.add(new Block(type, Base64.getDecoder().decode(base64)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PEM block #" + index + " ('" + type + "') is not valid base64", e);
            }
        }
        return blocks;
    }
}
