package ru.esiaedu.emulator;

import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;

/** Checks client request signatures (client_secret) against the client's registered certificate. */
final class SignatureVerifier {
    static final String GOST_SIGNATURE = "GOST3411-2012-256WITHECGOST3410-2012-256";

    static {
        Pem.init();
    }

    private SignatureVerifier() {
    }

    /**
     * v2/v3: raw 64-byte GOST R 34.10-2012-256 signature, base64url. BC's JCA layout is the same as
     * OpenSSL's md_gost12_256 output, which is what ESIA accepts.
     */
    static boolean verifyRawGost(X509Certificate cert, String signedText, String clientSecret) {
        byte[] sig = Base64Url.decodeLenient(clientSecret);
        if (sig == null || sig.length != 64) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(GOST_SIGNATURE, Pem.BC);
            s.initVerify(cert.getPublicKey());
            s.update(signedText.getBytes(StandardCharsets.UTF_8));
            return s.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // wrong key type or malformed signature: simply not valid
        }
    }

    /** v1: detached CMS SignedData (base64url) over the text, verified with the registered certificate's key. */
    static boolean verifyCms(X509Certificate cert, String signedText, String clientSecret) {
        byte[] der = Base64Url.decodeLenient(clientSecret);
        if (der == null || der.length == 0) {
            return false;
        }
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedText.getBytes(StandardCharsets.UTF_8)), der);
            var verifier = new JcaSimpleSignerInfoVerifierBuilder().setProvider(Pem.BC).build(cert.getPublicKey());
            for (SignerInformation si : cms.getSignerInfos().getSigners()) {
                if (si.verify(verifier)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false; // unparsable CMS or a signature by another key
        }
    }
}
