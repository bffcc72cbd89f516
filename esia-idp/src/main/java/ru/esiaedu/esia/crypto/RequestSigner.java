package ru.esiaedu.esia.crypto;

/**
 * Signs ESIA requests on behalf of the client system. Implementations keep the key wherever the
 * deployment keeps it (a local key store, an external signing service backed by certified crypto).
 */
public interface RequestSigner {

    /** v2/v3 {@code client_secret}: raw GOST R 34.10-2012-256 signature (64 bytes), base64url without padding. */
    String signRaw(byte[] content) throws SigningException;

    /** v1 {@code client_secret}: detached CMS SignedData (DER, certificate included), base64url. */
    String signDetachedCms(byte[] content) throws SigningException;

    /** {@code client_certificate_hash}: GOST R 34.11-2012-256 of the certificate's DER bytes, upper-case hex. */
    String certificateHash();
}
