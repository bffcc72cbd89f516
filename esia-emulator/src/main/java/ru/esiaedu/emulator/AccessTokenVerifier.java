package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.Optional;

/** Checks the Bearer tokens the person API receives: own signature (either algorithm), issuer, expiry. */
final class AccessTokenVerifier {
    private final TokenSigner signer;
    private final Clock clock;
    private final String issuer;

    AccessTokenVerifier(TokenSigner signer, Clock clock, String issuer) {
        this.signer = signer;
        this.clock = clock;
        this.issuer = issuer;
    }

    /** The payload of a valid access token, else empty. */
    Optional<JsonNode> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = Json.MAPPER.readTree(Base64Url.decodeLenient(parts[0]));
            JsonNode payload = Json.MAPPER.readTree(Base64Url.decodeLenient(parts[1]));
            byte[] sig = Base64Url.decodeLenient(parts[2]);
            if (header == null || payload == null || sig == null
                    || !"access".equals(header.path("sbt").asText())
                    || !signer.verify(header.path("alg").asText(), parts[0] + "." + parts[1], sig)) {
                return Optional.empty();
            }
            long now = clock.instant().getEpochSecond();
            if (!issuer.equals(payload.path("iss").asText()) || payload.path("exp").asLong() <= now
                    || payload.path("nbf").asLong() > now + 60) {
                return Optional.empty();
            }
            return Optional.of(payload);
        } catch (Exception e) {
            return Optional.empty(); // malformed base64 or JSON: not a token of ours
        }
    }
}
