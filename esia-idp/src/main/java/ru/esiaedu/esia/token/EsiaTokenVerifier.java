package ru.esiaedu.esia.token;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jboss.logging.Logger;
import ru.esiaedu.esia.crypto.BouncyCastleSupport;
import ru.esiaedu.esia.crypto.KeyType;
import ru.esiaedu.esia.token.EsiaTokenException.Reason;

/**
 * Verifies ESIA JWTs (access and id tokens). ESIA has no JWKS: its signing certificates are configured, several at
 * once while ESIA rotates them.
 *
 * <ol>
 * <li>compact JWS {@code header.payload.signature}, base64url, JSON objects (duplicate keys refused);</li>
 * <li>{@code alg}: {@code RS256} (SHA256withRSA) or {@code GOST3410_2012_256} (raw 64-byte GOST R 34.10-2012
 * signature over GOST R 34.11-2012-256 of the ASCII {@code header.payload}, in OpenSSL's byte order); anything else,
 * {@code none} and {@code HS256} included, is refused; the signature must verify with one trusted certificate whose
 * key fits the algorithm;</li>
 * <li>{@code iss} equals the expected issuer (a missing or extra trailing slash is tolerated);</li>
 * <li>{@code client_id} equals, or {@code aud} (string or array) contains, the expected client id;</li>
 * <li>{@code exp} is required and {@code exp + leeway > now}; {@code nbf} and {@code iat}, if present, must be
 * {@code ≤ now + leeway};</li>
 * <li>an oid is present ({@code urn:esia:sbj_id}, {@code urn:esia:sbj}.{@code urn:esia:sbj:oid} or {@code sub}).</li>
 * </ol>
 * The certificates' own validity periods are not checked (ESIA decides which key it signs with; remove a retired
 * certificate from configuration). Thread-safe.
 */
public final class EsiaTokenVerifier {

    public static final String ALG_RS256 = "RS256";
    public static final String ALG_GOST = "GOST3410_2012_256";

    private static final Logger LOG = Logger.getLogger(EsiaTokenVerifier.class);
    private static final int MAX_TOKEN_LENGTH = 64 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final List<PublicKey> rsaKeys = new ArrayList<>();
    private final List<PublicKey> gostKeys = new ArrayList<>();
    private final String expectedIssuer;
    private final String expectedClientId;
    private final Duration leeway;
    private final Clock clock;

    /**
     * @param trusted          ESIA's signing certificates (RSA and/or GOST R 34.10-2012-256); at least one
     * @param expectedIssuer   e.g. {@code http://esia.gosuslugi.ru/}
     * @param expectedClientId the client system's мнемоника, e.g. {@code SCHOOL01}
     * @param leeway           allowed clock skew, e.g. 60 s
     */
    public EsiaTokenVerifier(List<X509Certificate> trusted, String expectedIssuer, String expectedClientId,
            Duration leeway, Clock clock) {
        Objects.requireNonNull(trusted, "trusted");
        for (X509Certificate cert : trusted) {
            X509Certificate bc = BouncyCastleSupport.normalize(Objects.requireNonNull(cert, "trusted certificate"));
            KeyType type = KeyType.of(bc.getPublicKey());
            switch (type) {
                case RSA -> rsaKeys.add(bc.getPublicKey());
                case GOST_2012_256 -> gostKeys.add(bc.getPublicKey());
                default -> throw new IllegalArgumentException("Trusted ESIA certificate '"
                        + bc.getSubjectX500Principal().getName() + "' has a " + type
                        + " key; only RSA and GOST R 34.10-2012-256 are supported");
            }
        }
        if (rsaKeys.isEmpty() && gostKeys.isEmpty()) {
            throw new IllegalArgumentException("No trusted ESIA certificate configured");
        }
        if (expectedIssuer == null || expectedIssuer.isBlank()) {
            throw new IllegalArgumentException("Expected ESIA issuer is empty");
        }
        if (expectedClientId == null || expectedClientId.isBlank()) {
            throw new IllegalArgumentException("Expected client id is empty");
        }
        this.expectedIssuer = expectedIssuer.strip();
        this.expectedClientId = expectedClientId.strip();
        this.leeway = Objects.requireNonNull(leeway, "leeway");
        if (leeway.isNegative()) {
            throw new IllegalArgumentException("leeway must not be negative");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public VerifiedToken verify(String jwt) throws EsiaTokenException {
        if (jwt == null || jwt.isBlank()) {
            throw new EsiaTokenException(Reason.MALFORMED, "Token is empty");
        }
        String token = jwt.strip();
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new EsiaTokenException(Reason.MALFORMED, "Token is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        int dot1 = token.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
        if (dot1 <= 0 || dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0) {
            throw new EsiaTokenException(Reason.MALFORMED, "Token is not a compact JWS (header.payload.signature)");
        }
        String headerPart = token.substring(0, dot1);
        String payloadPart = token.substring(dot1 + 1, dot2);
        String signaturePart = token.substring(dot2 + 1);

        Map<String, Object> header = json(decode(headerPart, "header"), "header");
        Object algValue = header.get("alg");
        if (!(algValue instanceof String alg)) {
            throw new EsiaTokenException(Reason.MALFORMED, "Token header has no \"alg\" string");
        }
        if (header.containsKey("crit")) {
            throw new EsiaTokenException(Reason.UNSUPPORTED_ALGORITHM, "Token header has unsupported \"crit\" extensions");
        }
        String jcaAlgorithm;
        List<PublicKey> keys;
        switch (alg) {
            case ALG_RS256 -> {
                jcaAlgorithm = KeyType.RSA.jcaSignatureAlgorithm();
                keys = rsaKeys;
            }
            case ALG_GOST -> {
                jcaAlgorithm = KeyType.GOST_2012_256.jcaSignatureAlgorithm();
                keys = gostKeys;
            }
            default -> throw new EsiaTokenException(Reason.UNSUPPORTED_ALGORITHM,
                    "Token algorithm '" + printable(alg) + "' is not accepted (only RS256 and GOST3410_2012_256)");
        }
        byte[] signature = decode(signaturePart, "signature");
        Map<String, Object> claims = json(decode(payloadPart, "payload"), "payload");

        if (keys.isEmpty()) {
            throw new EsiaTokenException(Reason.BAD_SIGNATURE,
                    "Token is signed with " + alg + " but no trusted ESIA certificate has a key for it");
        }
        if (alg.equals(ALG_GOST) && signature.length != 64) {
            throw new EsiaTokenException(Reason.BAD_SIGNATURE,
                    "GOST token signature has " + signature.length + " bytes instead of 64");
        }
        byte[] signingInput = token.substring(0, dot2).getBytes(StandardCharsets.US_ASCII);
        if (!verifiesWithAny(jcaAlgorithm, keys, signingInput, signature)) {
            throw new EsiaTokenException(Reason.BAD_SIGNATURE,
                    "Token signature (" + alg + ") does not verify with any of the " + keys.size()
                            + " trusted ESIA certificate(s) for it");
        }

        checkIssuer(claims.get("iss"));
        checkAudience(claims);

        Instant now = clock.instant();
        Instant exp = time(claims, "exp");
        if (exp == null) {
            throw new EsiaTokenException(Reason.MALFORMED, "Token has no \"exp\" claim");
        }
        if (!exp.plus(leeway).isAfter(now)) {
            throw new EsiaTokenException(Reason.EXPIRED, "Token expired at " + exp + " (now " + now + ", leeway "
                    + leeway.toSeconds() + " s)");
        }
        Instant nbf = time(claims, "nbf");
        if (nbf != null && nbf.minus(leeway).isAfter(now)) {
            throw new EsiaTokenException(Reason.NOT_YET_VALID, "Token is not valid before " + nbf + " (now " + now
                    + ", leeway " + leeway.toSeconds() + " s)");
        }
        Instant iat = time(claims, "iat");
        if (iat != null && iat.minus(leeway).isAfter(now)) {
            throw new EsiaTokenException(Reason.NOT_YET_VALID, "Token is issued in the future at " + iat + " (now "
                    + now + ", leeway " + leeway.toSeconds() + " s)");
        }

        String oid = oid(claims);
        if (oid == null) {
            throw new EsiaTokenException(Reason.MISSING_SUBJECT,
                    "Token has no subject (urn:esia:sbj_id, urn:esia:sbj.urn:esia:sbj:oid or sub)");
        }
        LOG.debugf("ESIA token verified: alg %s, expires %s", alg, exp);
        return new VerifiedToken(alg, oid, iat, exp, scopes(claims.get("scope")), claims);
    }

    private void checkIssuer(Object iss) throws EsiaTokenException {
        if (!(iss instanceof String issuer)) {
            throw new EsiaTokenException(Reason.WRONG_ISSUER, "Token has no \"iss\" string");
        }
        if (!stripOneSlash(issuer).equals(stripOneSlash(expectedIssuer))) {
            // issuers are public URLs, not personal data
            throw new EsiaTokenException(Reason.WRONG_ISSUER,
                    "Token issuer '" + printable(issuer) + "' is not the expected '" + expectedIssuer + "'");
        }
    }

    private void checkAudience(Map<String, Object> claims) throws EsiaTokenException {
        Object clientId = claims.get("client_id");
        if (clientId instanceof String s && s.equals(expectedClientId)) {
            return;
        }
        Object aud = claims.get("aud");
        if (aud instanceof String s && s.equals(expectedClientId)) {
            return;
        }
        if (aud instanceof Collection<?> list && list.contains(expectedClientId)) {
            return;
        }
        throw new EsiaTokenException(Reason.WRONG_AUDIENCE,
                "Token is not for client '" + expectedClientId + "' (neither client_id nor aud matches)");
    }

    private static boolean verifiesWithAny(String jcaAlgorithm, List<PublicKey> keys, byte[] input, byte[] signature) {
        for (PublicKey key : keys) {
            try {
                Signature verifier = Signature.getInstance(jcaAlgorithm, BouncyCastleSupport.provider());
                verifier.initVerify(key);
                verifier.update(input);
                if (verifier.verify(signature)) {
                    return true;
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                // malformed signature for this key type; try the next key
            }
        }
        return false;
    }

    private static byte[] decode(String part, String what) throws EsiaTokenException {
        if (part.isEmpty()) {
            throw new EsiaTokenException(Reason.MALFORMED, "Token " + what + " is empty");
        }
        if (part.indexOf('=') >= 0 || part.indexOf('+') >= 0 || part.indexOf('/') >= 0) {
            throw new EsiaTokenException(Reason.MALFORMED, "Token " + what + " is not unpadded base64url");
        }
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new EsiaTokenException(Reason.MALFORMED, "Token " + what + " is not valid base64url");
        }
    }

    private static Map<String, Object> json(byte[] bytes, String what) throws EsiaTokenException {
        try {
            Map<String, Object> map = JSON.readValue(bytes, MAP);
            if (map == null) {
                throw new EsiaTokenException(Reason.MALFORMED, "Token " + what + " is not a JSON object");
            }
            return map;
        } catch (IOException e) {
            // Jackson messages may quote the content: do not pass them on
            throw new EsiaTokenException(Reason.MALFORMED, "Token " + what + " is not a JSON object");
        }
    }

    private static Instant time(Map<String, Object> claims, String name) throws EsiaTokenException {
        Object v = claims.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            return epoch(((Number) v).longValue(), v, name);
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                return epoch((long) Math.floor(d), v, name);
            }
        }
        throw new EsiaTokenException(Reason.MALFORMED, "Token claim \"" + name + "\" is not a number of seconds");
    }

    private static Instant epoch(long seconds, Object raw, String name) throws EsiaTokenException {
        if (raw instanceof BigInteger big && big.bitLength() > 40 || seconds < 0 || seconds > 253402300799L) {
            throw new EsiaTokenException(Reason.MALFORMED, "Token claim \"" + name + "\" is out of range");
        }
        return Instant.ofEpochSecond(seconds);
    }

    static String oid(Map<String, Object> claims) {
        String oid = idValue(claims.get("urn:esia:sbj_id"));
        if (oid == null && claims.get("urn:esia:sbj") instanceof Map<?, ?> sbj) {
            oid = idValue(sbj.get("urn:esia:sbj:oid"));
        }
        if (oid == null) {
            oid = idValue(claims.get("sub"));
        }
        return oid;
    }

    private static String idValue(Object v) {
        if (v instanceof String s) {
            return s.isBlank() ? null : s.strip();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Double d && Double.isFinite(d) && d == Math.rint(d)) {
            return BigDecimal.valueOf(d).toBigInteger().toString();
        }
        return null;
    }

    static Set<String> scopes(Object scope) {
        Set<String> result = new LinkedHashSet<>();
        List<String> entries = new ArrayList<>();
        if (scope instanceof String s) {
            for (String e : s.trim().split("\\s+")) {
                entries.add(e);
            }
        } else if (scope instanceof Collection<?> list) {
            for (Object o : list) {
                if (o instanceof String s) {
                    entries.add(s.trim());
                }
            }
        }
        for (String e : entries) {
            int q = e.indexOf('?');
            String name = q >= 0 ? e.substring(0, q) : e;
            if (!name.isEmpty()) {
                result.add(name);
            }
        }
        return result;
    }

    private static String stripOneSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Shortens and cleans an attacker-controlled value before it goes into a message. */
    private static String printable(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
