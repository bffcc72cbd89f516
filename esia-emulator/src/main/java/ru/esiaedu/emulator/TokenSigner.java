package ru.esiaedu.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;

/**
 * Signs and verifies the emulator's JWTs with its own keys: RS256 (SHA256withRSA) or
 * GOST3410_2012_256 (raw 64-byte signature, the same layout as the request signatures).
 */
final class TokenSigner {
    private final PrivateKey rsaKey;
    private final X509Certificate rsaCert;
    private final PrivateKey gostKey;
    private final X509Certificate gostCert;
    private volatile KeyPair forgedRsa;
    private volatile KeyPair forgedGost;

    TokenSigner(PrivateKey rsaKey, X509Certificate rsaCert, PrivateKey gostKey, X509Certificate gostCert) {
        this.rsaKey = rsaKey;
        this.rsaCert = rsaCert;
        this.gostKey = gostKey;
        this.gostCert = gostCert;
    }

    static TokenSigner bundled() {
        Pem.init();
        return new TokenSigner(
                Pem.privateKey(Pem.classpathText("keys/esia-rsa.key.pem")),
                Pem.certificate(Pem.classpathText("keys/esia-rsa.crt.pem")),
                Pem.privateKey(Pem.classpathText("keys/esia-gost.key.pem")),
                Pem.certificate(Pem.classpathText("keys/esia-gost.crt.pem")));
    }

    X509Certificate certificate(String alg) {
        return EmulatorOptions.GOST.equals(alg) ? gostCert : rsaCert;
    }

    /** Signs with the published key, or with a throw-away key when {@code forged} (TOKEN_FORGED_SIGNATURE). */
    byte[] sign(String alg, String signingInput, boolean forged) {
        try {
            boolean gost = EmulatorOptions.GOST.equals(alg);
            Signature s = Signature.getInstance(gost ? SignatureVerifier.GOST_SIGNATURE : "SHA256withRSA", Pem.BC);
            PrivateKey key = forged ? forgedKey(gost).getPrivate() : (gost ? gostKey : rsaKey);
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token signing failed", e);
        }
    }

    boolean verify(String alg, String signingInput, byte[] signature) {
        boolean gost = EmulatorOptions.GOST.equals(alg);
        if (!gost && !EmulatorOptions.RS256.equals(alg)) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(gost ? SignatureVerifier.GOST_SIGNATURE : "SHA256withRSA", Pem.BC);
            PublicKey key = (gost ? gostCert : rsaCert).getPublicKey();
            s.initVerify(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private KeyPair forgedKey(boolean gost) throws GeneralSecurityException {
        if (gost) {
            if (forgedGost == null) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("ECGOST3410-2012", Pem.BC);
                g.initialize(new ECGenParameterSpec("Tc26-Gost-3410-12-256-paramSetA"));
                forgedGost = g.generateKeyPair();
            }
            return forgedGost;
        }
        if (forgedRsa == null) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            forgedRsa = g.generateKeyPair();
        }
        return forgedRsa;
    }
}
