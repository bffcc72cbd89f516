package ru.esiaedu.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks an ID token the way OpenID Connect Core 3.1.3.7 asks: RS256 signature by a key of the realm's JWK
 * Set, {@code iss}, {@code aud} (and {@code azp} when there are several audiences), {@code exp} and
 * {@code iat} with a small leeway, the {@code nonce} of this login, and Keycloak's {@code typ} = {@code ID}
 * (an access token is not an ID token). Anything else — {@code alg: none}, HS256 with the public key,
 * an unknown key — is refused.
 */
public final class IdTokenVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;
    private final String clientId;
    private final Jwks keys;
    private final Clock clock;
    private final Duration leeway;

    public IdTokenVerifier(String issuer, String clientId, Jwks keys, Clock clock, Duration leeway) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.keys = keys;
        this.clock = clock;
        this.leeway = leeway;
    }

    /** The token's claims once every check passed. */
    public JsonNode verify(String jwt, String expectedNonce) throws InvalidTokenException {
        if (jwt == null || jwt.isEmpty()) {
            throw new InvalidTokenException("no ID token in the token response");
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("the ID token is not a signed JWT (JWS compact form)");
        }
        JsonNode header = decode(parts[0], "header");
        String alg = header.path("alg").asText("");
        if (!"RS256".equals(alg)) {
            throw new InvalidTokenException("ID token algorithm " + (alg.isEmpty() ? "(none)" : alg) + " is not accepted (RS256 only)");
        }
        String kid = header.hasNonNull("kid") ? header.path("kid").asText() : null;
        PublicKey key = keys.rsaKey(kid).orElseThrow(() -> new InvalidTokenException("the ID token is signed with an unknown key"));
        if (!signatureValid(key, parts)) {
            throw new InvalidTokenException("the ID token signature is not valid");
        }

        JsonNode claims = decode(parts[1], "payload");
        if (!issuer.equals(claims.path("iss").asText(null))) {
            throw new InvalidTokenException("the ID token was issued by someone else (iss)");
        }
        JsonNode aud = claims.path("aud");
        boolean forUs = aud.isTextual() ? clientId.equals(aud.asText()) : contains(aud, clientId);
        if (!forUs) {
            throw new InvalidTokenException("the ID token is not meant for this client (aud)");
        }
        if (aud.isArray() && aud.size() > 1 && !clientId.equals(claims.path("azp").asText(null))) {
            throw new InvalidTokenException("the ID token has several audiences and azp is not this client");
        }
        Instant now = clock.instant();
        if (!claims.path("exp").isNumber() || Instant.ofEpochSecond(claims.path("exp").asLong()).plus(leeway).isBefore(now)) {
            throw new InvalidTokenException("the ID token has expired (exp)");
        }
        if (!claims.path("iat").isNumber() || Instant.ofEpochSecond(claims.path("iat").asLong()).minus(leeway).isAfter(now)) {
            throw new InvalidTokenException("the ID token is issued in the future (iat)");
        }
        String nonce = claims.path("nonce").asText(null);
        if (expectedNonce == null || nonce == null || !MessageDigest.isEqual(
                nonce.getBytes(StandardCharsets.UTF_8), expectedNonce.getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidTokenException("the ID token does not belong to this login (nonce)");
        }
        if (claims.hasNonNull("typ") && !"ID".equals(claims.path("typ").asText())) {
            throw new InvalidTokenException("the token is not an ID token (typ " + claims.path("typ").asText() + ")");
        }
        if (!claims.hasNonNull("sub")) {
            throw new InvalidTokenException("the ID token has no subject (sub)");
        }
        return claims;
    }

    private static boolean signatureValid(PublicKey key, String[] parts) throws InvalidTokenException {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (IllegalArgumentException e) {
            return false; // not base64url
        } catch (Exception e) {
            throw new InvalidTokenException("cannot check the ID token signature", e);
        }
    }

    private static boolean contains(JsonNode array, String value) {
        if (!array.isArray()) {
            return false;
        }
        for (JsonNode item : array) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode decode(String part, String what) throws InvalidTokenException {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(part));
            if (node == null || !node.isObject()) {
                throw new InvalidTokenException("the ID token " + what + " is not a JSON object");
            }
            return node;
        } catch (InvalidTokenException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidTokenException("the ID token " + what + " cannot be read", e);
        }
    }
}
