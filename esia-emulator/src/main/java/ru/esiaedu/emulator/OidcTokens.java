package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * The OIDC mode's tokens: an RS256 access token and ID token per login, signed with the emulator's RSA key (the
 * same signing work as an ESIA token response, which also signs an access and an ID token), the JWKS that
 * publishes the key, and the check of the access token the userinfo endpoint receives.
 */
final class OidcTokens {
    static final long LIFETIME_SECONDS = 3600;
    private static final String ACCESS_TYPE = "at+jwt";

    private final TokenSigner signer;
    private final Clock clock;
    private final String issuer;
    private final String keyId;
    private final RSAPublicKey publicKey;

    OidcTokens(TokenSigner signer, Clock clock, String issuer) {
        this.signer = signer;
        this.clock = clock;
        this.issuer = issuer;
        this.publicKey = (RSAPublicKey) signer.certificate(EmulatorOptions.RS256).getPublicKey();
        this.keyId = keyId(publicKey);
    }

    String issuer() {
        return issuer;
    }

    /** The token endpoint's answer for a consumed code. */
    ObjectNode response(OidcGrants.Code code, Person person) {
        long now = clock.instant().getEpochSecond();
        OidcGrants.Authorization a = code.authorization();
        String clientId = a.client().clientId();
        String sid = Ids.random();

        ObjectNode access = Json.object();
        access.put("iss", issuer);
        access.put("sub", Long.toString(person.oid()));
        access.put("aud", clientId);
        access.put("client_id", clientId);
        access.put("scope", String.join(" ", a.scopes()));
        access.put("sid", sid);
        access.put("iat", now);
        access.put("nbf", now);
        access.put("exp", now + LIFETIME_SECONDS);

        ObjectNode id = Json.object();
        id.put("iss", issuer);
        id.put("sub", Long.toString(person.oid()));
        id.put("aud", clientId);
        id.put("azp", clientId);
        id.put("iat", now);
        id.put("exp", now + LIFETIME_SECONDS);
        id.put("auth_time", code.authTime().getEpochSecond());
        id.put("sid", sid);
        if (a.nonce() != null) {
            id.put("nonce", a.nonce());
        }
        id.setAll(OidcClaims.of(person, a.scopes()));

        ObjectNode body = Json.object();
        body.put("access_token", jwt(ACCESS_TYPE, access));
        body.put("id_token", jwt("JWT", id));
        body.put("token_type", "Bearer");
        body.put("expires_in", LIFETIME_SECONDS);
        body.put("scope", String.join(" ", a.scopes()));
        return body;
    }

    /** The payload of an access token of this mode (signature, type, issuer, expiry checked), else empty. */
    Optional<JsonNode> verifyAccessToken(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = Json.MAPPER.readTree(Base64Url.decodeLenient(parts[0]));
            JsonNode payload = Json.MAPPER.readTree(Base64Url.decodeLenient(parts[1]));
            byte[] sig = Base64Url.decodeLenient(parts[2]);
            if (header == null || payload == null || sig == null
                    || !ACCESS_TYPE.equals(header.path("typ").asText())
                    || !EmulatorOptions.RS256.equals(header.path("alg").asText())
                    || !signer.verify(EmulatorOptions.RS256, parts[0] + "." + parts[1], sig)) {
                return Optional.empty();
            }
            long now = clock.instant().getEpochSecond();
            if (!issuer.equals(payload.path("iss").asText()) || payload.path("exp").asLong() <= now) {
                return Optional.empty();
            }
            return Optional.of(payload);
        } catch (Exception e) {
            return Optional.empty(); // malformed base64 or JSON: not a token of ours
        }
    }

    /** {@code {"keys":[{RSA public key}]}} */
    ObjectNode jwks() {
        ObjectNode key = Json.object();
        key.put("kty", "RSA");
        key.put("use", "sig");
        key.put("alg", EmulatorOptions.RS256);
        key.put("kid", keyId);
        key.put("n", Base64Url.encode(unsigned(publicKey.getModulus())));
        key.put("e", Base64Url.encode(unsigned(publicKey.getPublicExponent())));
        ObjectNode body = Json.object();
        body.putArray("keys").add(key);
        return body;
    }

    private String jwt(String type, ObjectNode payload) {
        ObjectNode header = Json.object();
        header.put("alg", EmulatorOptions.RS256);
        header.put("typ", type);
        header.put("kid", keyId);
        String input = b64(Json.write(header)) + "." + b64(Json.write(payload));
        return input + "." + Base64Url.encode(signer.sign(EmulatorOptions.RS256, input, false));
    }

    private static String b64(String json) {
        return Base64Url.encode(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    /** A stable key id: the first 16 bytes of the SHA-256 of the encoded public key. */
    private static String keyId(RSAPublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64Url.encode(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
