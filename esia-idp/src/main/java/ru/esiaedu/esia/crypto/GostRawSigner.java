package ru.esiaedu.esia.crypto;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.SecureRandom;

import org.bouncycastle.crypto.digests.GOST3411_2012_256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECGOST3410_2012Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.util.BigIntegers;

/**
 * GOST R 34.10-2012 (256-bit key) signatures over a GOST R 34.11-2012-256 digest, with the key's domain parameters
 * converted once. Why not BouncyCastle's JCA {@code Signature}: its {@code initSign} converts the key's curve anew at
 * every call, which throws away the precomputed multiples of the base point that make a signature fast; a signature
 * then costs about ten times as much. The output is the JCA signature's (and OpenSSL's): s then r, 32 bytes each,
 * big-endian. Thread-safe.
 */
final class GostRawSigner {

    private static final int HALF = 32;

    private final ECPrivateKeyParameters key;
    private final SecureRandom random = new SecureRandom();

    GostRawSigner(PrivateKey privateKey) throws InvalidKeyException {
        if (!(ECUtil.generatePrivateKeyParameter(privateKey) instanceof ECPrivateKeyParameters ec)) {
            throw new InvalidKeyException("Not an elliptic-curve private key");
        }
        this.key = ec;
    }

    byte[] sign(byte[] content) {
        GOST3411_2012_256Digest digest = new GOST3411_2012_256Digest();
        digest.update(content, 0, content.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        ECGOST3410_2012Signer signer = new ECGOST3410_2012Signer();
        signer.init(true, new ParametersWithRandom(key, random));
        BigInteger[] rs = signer.generateSignature(hash);
        byte[] signature = new byte[2 * HALF];
        BigIntegers.asUnsignedByteArray(rs[1], signature, 0, HALF);
        BigIntegers.asUnsignedByteArray(rs[0], signature, HALF, HALF);
        return signature;
    }
}
