package ru.esiaedu.esia.token;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import ru.esiaedu.esia.crypto.BouncyCastleSupport;

/** Builds compact JWS tokens for tests. */
final class TestJwt {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestJwt() {
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String b64Json(Map<String, ?> map) {
        try {
            return b64(JSON.writeValueAsBytes(map));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> header(String alg) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("ver", 1);
        h.put("typ", "JWT");
        h.put("sbt", "access");
        h.put("alg", alg);
        return h;
    }

    static String signingInput(String alg, Map<String, ?> payload) {
        return b64Json(header(alg)) + "." + b64Json(payload);
    }

    static String sign(String alg, Map<String, ?> payload, PrivateKey key) {
        String input = signingInput(alg, payload);
        return input + "." + b64(rawSignature(alg, input, key));
    }

    static byte[] rawSignature(String alg, String input, PrivateKey key) {
        try {
            String jca = switch (alg) {
                case "RS256" -> "SHA256withRSA";
                case "GOST3410_2012_256" -> "GOST3411-2012-256WITHECGOST3410-2012-256";
                default -> throw new IllegalArgumentException(alg);
            };
            Signature s = Signature.getInstance(jca, BouncyCastleSupport.provider());
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return s.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
