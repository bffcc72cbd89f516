package ru.esiaedu.throughput.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import ru.esiaedu.esia.crypto.BouncyCastleSupport;
import ru.esiaedu.esia.crypto.Pem;
import ru.esiaedu.esia.token.EsiaTokenException;
import ru.esiaedu.esia.token.EsiaTokenVerifier;
import ru.esiaedu.esia.token.VerifiedToken;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

/**
 * The ESIA token checks of one callback, in process: {@link EsiaTokenVerifier#verify} of the access and the id token
 * (RS256 and GOST R 34.10-2012, both as ESIA shapes them), and what {@code EsiaIdentityProvider.exchange} does before
 * that — building the verifier from the configured ESIA certificates, and parsing them from PEM, which the provider now
 * does once per content (its {@code MaterialCache}) and this benchmark still times as the cost it would be. The
 * tokens are signed here, in {@link #setUp}, with the emulator's ESIA keys; the verifier trusts the demo realm's
 * bundle of both certificates, as configured.
 */
@State(Scope.Benchmark)
public class EsiaTokenWork {
    static final String ISSUER = "http://esia-portal1.test.gosuslugi.ru/";
    static final String CLIENT_ID = "SCHOOL01";
    static final String OID = "1000300101";
    /** When the tokens were issued; the verifier's clock stands a minute later, so nothing expires during a run. */
    static final Instant ISSUED = Instant.parse("2026-12-02T04:45:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LEEWAY = Duration.ofSeconds(60);

    String certificatesPem;
    EsiaTokenVerifier verifier;
    String accessTokenRs256;
    String idTokenRs256;
    String accessTokenGost;
    String idTokenGost;
    private final Clock clock = Clock.fixed(ISSUED.plusSeconds(60), ZoneOffset.UTC);

    @Setup
    public void setUp() {
        // The demo realm's esiaCertificates: the RSA and the GOST certificate of the emulator, one PEM text.
        certificatesPem = Resources.text("demo-keys/esia-rsa.crt.pem") + Resources.text("demo-keys/esia-gost.crt.pem");
        verifier = verifier(certificatesPem);
        PrivateKey rsa = Pem.privateKey(Resources.text("keys/esia-rsa.key.pem"));
        PrivateKey gost = Pem.privateKey(Resources.text("keys/esia-gost.key.pem"));
        accessTokenRs256 = jwt(EsiaTokenVerifier.ALG_RS256, "access", accessClaims(), rsa);
        idTokenRs256 = jwt(EsiaTokenVerifier.ALG_RS256, "id", idClaims(), rsa);
        accessTokenGost = jwt(EsiaTokenVerifier.ALG_GOST, "access", accessClaims(), gost);
        idTokenGost = jwt(EsiaTokenVerifier.ALG_GOST, "id", idClaims(), gost);
    }

    /** What the callback does before the token checks: the configured certificates, from PEM, every time. */
    @Benchmark
    public List<X509Certificate> esiaCertificatesFromPem() {
        return Pem.certificates(certificatesPem);
    }

    /** The same and the verifier built from them (each certificate re-read by BouncyCastle), as the callback does. */
    @Benchmark
    public EsiaTokenVerifier tokenVerifierFromPem() {
        return verifier(certificatesPem);
    }

    @Benchmark
    public VerifiedToken verifyAccessTokenRs256() throws EsiaTokenException {
        return verifier.verify(accessTokenRs256);
    }

    @Benchmark
    public VerifiedToken verifyIdTokenRs256() throws EsiaTokenException {
        return verifier.verify(idTokenRs256);
    }

    @Benchmark
    public VerifiedToken verifyAccessTokenGost() throws EsiaTokenException {
        return verifier.verify(accessTokenGost);
    }

    @Benchmark
    public VerifiedToken verifyIdTokenGost() throws EsiaTokenException {
        return verifier.verify(idTokenGost);
    }

    private EsiaTokenVerifier verifier(String pem) {
        return new EsiaTokenVerifier(Pem.certificates(pem), ISSUER, CLIENT_ID, LEEWAY, clock);
    }

    /** The claims ESIA puts into an access token (scopes tied to the subject, as ESIA writes them). */
    private static ObjectNode accessClaims() {
        long iat = ISSUED.getEpochSecond();
        ObjectNode claims = JSON.createObjectNode();
        claims.put("nbf", iat);
        claims.put("scope", "openid fullname?oid=" + OID + " birthdate?oid=" + OID + " gender?oid=" + OID
                + " snils?oid=" + OID + " contacts?oid=" + OID + " email?oid=" + OID + " mobile?oid=" + OID
                + " id_doc?oid=" + OID);
        claims.put("iss", ISSUER);
        claims.put("urn:esia:sid", "5f3c1a0e-8d2b-4c7e-9a61-2b7d4e0c9f13");
        claims.put("urn:esia:sbj_id", Long.parseLong(OID));
        claims.put("exp", iat + 3600);
        claims.put("iat", iat);
        claims.put("client_id", CLIENT_ID);
        return claims;
    }

    private static ObjectNode idClaims() {
        long iat = ISSUED.getEpochSecond();
        ObjectNode claims = JSON.createObjectNode();
        claims.put("nbf", iat);
        claims.put("exp", iat + 3600);
        claims.put("iat", iat);
        claims.put("iss", ISSUER);
        claims.put("sub", OID);
        claims.put("aud", CLIENT_ID);
        claims.put("amr", "PWD");
        claims.put("auth_time", iat);
        claims.put("urn:esia:sid", "5f3c1a0e-8d2b-4c7e-9a61-2b7d4e0c9f13");
        ObjectNode subject = claims.putObject("urn:esia:sbj");
        subject.put("urn:esia:sbj:typ", "P");
        subject.put("urn:esia:sbj:oid", Long.parseLong(OID));
        subject.put("urn:esia:sbj:lvl", "P");
        subject.put("urn:esia:sbj:is_tru", true);
        return claims;
    }

    /** A compact JWS as ESIA makes it: {@code ver}, {@code typ}, {@code sbt}, {@code alg}; GOST as the raw 64 bytes. */
    private static String jwt(String alg, String subType, ObjectNode claims, PrivateKey key) {
        ObjectNode header = JSON.createObjectNode();
        header.put("ver", 1);
        header.put("typ", "JWT");
        header.put("sbt", subType);
        header.put("alg", alg);
        String input = b64(header.toString()) + "." + b64(claims.toString());
        try {
            Signature signature = Signature.getInstance(EsiaTokenVerifier.ALG_GOST.equals(alg)
                    ? "GOST3411-2012-256WITHECGOST3410-2012-256" : "SHA256withRSA", BouncyCastleSupport.provider());
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the benchmark's " + alg + " token", e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
