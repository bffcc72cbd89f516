package ru.esiaedu.esia.api;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Shared JSON reading and HTTP-status-to-exception mapping. Package-private. */
final class EsiaJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EsiaJson() {
    }

    /** Parses a JSON object or throws {@code MALFORMED_RESPONSE}. */
    static JsonNode object(String body, String endpointKind, int status) throws EsiaApiException {
        JsonNode node = tryParse(body);
        if (node == null || !node.isObject()) {
            throw new EsiaApiException(EsiaApiException.Kind.MALFORMED_RESPONSE,
                    "ESIA " + endpointKind + " answered HTTP " + status + " with a body that is not a JSON object",
                    status, null, null, null);
        }
        return node;
    }

    /** The parsed body, or null when it is not JSON. */
    static JsonNode tryParse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /**
     * Maps a non-2xx answer: 5xx/429 → UNAVAILABLE; 401 → UNAUTHORIZED; 403 or ESIA-005029 →
     * FORBIDDEN; other statuses → ESIA_ERROR. With {@code oauthErrorsWin}, a 4xx whose body carries
     * an OAuth {@code error} is ESIA_ERROR whatever the status (token endpoint semantics).
     */
    static EsiaApiException errorFor(HttpResponse<String> resp, String endpointKind, boolean oauthErrorsWin) {
        int status = resp.statusCode();
        String error = null;
        String code = null;
        JsonNode body = tryParse(resp.body());
        if (body != null && body.isObject()) {
            error = text(body.get("error"));
            code = EsiaErrorCode.extract(text(body.get("code")));
            if (code == null) {
                code = EsiaErrorCode.extract(text(body.get("error_description")));
            }
            if (code == null) {
                code = EsiaErrorCode.extract(text(body.get("message")));
            }
        }
        EsiaApiException.Kind kind;
        if (status >= 500 || status == 429) {
            kind = EsiaApiException.Kind.UNAVAILABLE;
        } else if (oauthErrorsWin && status >= 400 && error != null) {
            kind = EsiaApiException.Kind.ESIA_ERROR;
        } else if (status == 401) {
            kind = EsiaApiException.Kind.UNAUTHORIZED;
        } else if (status == 403 || EsiaErrorCode.SCOPE_NOT_GRANTED.equals(code)) {
            kind = EsiaApiException.Kind.FORBIDDEN;
        } else {
            kind = EsiaApiException.Kind.ESIA_ERROR;
        }
        StringBuilder msg = new StringBuilder("ESIA ").append(endpointKind).append(" answered HTTP ").append(status);
        if (code != null) {
            msg.append(" (").append(code).append(')');
        } else if (error != null && isSafeToken(error)) {
            msg.append(" (").append(error).append(')');
        }
        return new EsiaApiException(kind, msg.toString(), status, error, code, null);
    }

    /** Text of a JSON string node; null for null/missing; other types are not text. */
    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    /** OAuth error codes are short ASCII words; anything else is not echoed into messages. */
    private static boolean isSafeToken(String s) {
        return s.length() <= 64 && s.matches("[A-Za-z0-9_.-]+");
    }
}
