package ru.esiaedu.esia.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * ESIA's token endpoint answer. Extra fields are ignored; {@code access_token} is required. The
 * echoed {@code state} is exposed, not checked: the caller compares it with the one it sent.
 *
 * <p>{@link #toString()} never includes the tokens.
 */
public final class TokenResponse {

    private final String accessToken;
    private final String idToken;
    private final String refreshToken;
    private final String state;
    private final String tokenType;
    private final Long expiresIn;
    private final String raw;

    public TokenResponse(String accessToken, String idToken, String refreshToken, String state, String tokenType,
            Long expiresIn, String raw) {
        if (accessToken == null || accessToken.isEmpty()) {
            throw new IllegalArgumentException("accessToken is required");
        }
        this.accessToken = accessToken;
        this.idToken = idToken;
        this.refreshToken = refreshToken;
        this.state = state;
        this.tokenType = tokenType;
        this.expiresIn = expiresIn;
        this.raw = raw;
    }

    /**
     * Parses the raw JSON of a 2xx answer.
     *
     * @throws EsiaApiException {@code MALFORMED_RESPONSE} if it is not a JSON object, lacks
     *         {@code access_token}, or a known field has the wrong type
     */
    public static TokenResponse parse(String json) throws EsiaApiException {
        JsonNode node = EsiaJson.object(json, "token", 200);
        String accessToken = text(node, "access_token");
        if (accessToken == null || accessToken.isEmpty()) {
            throw malformed("has no access_token");
        }
        return new TokenResponse(accessToken, text(node, "id_token"), text(node, "refresh_token"),
                text(node, "state"), text(node, "token_type"), expiresIn(node), json);
    }

    public String accessToken() {
        return accessToken;
    }

    /** Null if ESIA sent none (no {@code openid} scope). */
    public String idToken() {
        return idToken;
    }

    /** Null unless {@code access_type=offline}. */
    public String refreshToken() {
        return refreshToken;
    }

    /** The state ESIA echoed (must equal the token request's new state). */
    public String state() {
        return state;
    }

    public String tokenType() {
        return tokenType;
    }

    /** Seconds, or null when absent. */
    public Long expiresIn() {
        return expiresIn;
    }

    /** The answer as received, for Keycloak's "store tokens" option. */
    public String raw() {
        return raw;
    }

    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", idToken="
                + (idToken != null) + ", refreshToken=" + (refreshToken != null) + "]";
    }

    private static String text(JsonNode node, String field) throws EsiaApiException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw malformed("field " + field + " is not a string");
        }
        return v.asText();
    }

    private static Long expiresIn(JsonNode node) throws EsiaApiException {
        JsonNode v = node.get("expires_in");
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                throw malformed("field expires_in is not a number");
            }
        }
        throw malformed("field expires_in is not a number");
    }

    private static EsiaApiException malformed(String what) {
        return new EsiaApiException(EsiaApiException.Kind.MALFORMED_RESPONSE, "ESIA token answer " + what, 200,
                null, null, null);
    }
}
