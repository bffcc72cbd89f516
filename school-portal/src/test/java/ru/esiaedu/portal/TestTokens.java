package ru.esiaedu.portal;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Signs test JWTs and publishes the key as a JWK Set, like Keycloak's realm keys. */
final class TestTokens {

    static final ObjectMapper JSON = new ObjectMapper();

    final KeyPair keys;
    final String kid;

    TestTokens(String kid) {
        this.kid = kid;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String jwks() {
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        ObjectNode key = JSON.createObjectNode().put("kid", kid).put("kty", "RSA").put("alg", "RS256").put("use", "sig")
                .put("n", b64(unsigned(pub.getModulus().toByteArray()))).put("e", b64(unsigned(pub.getPublicExponent().toByteArray())));
        ObjectNode enc = JSON.createObjectNode().put("kid", "enc-key").put("kty", "RSA").put("alg", "RSA-OAEP").put("use", "enc")
                .put("n", key.path("n").asText()).put("e", key.path("e").asText());
        ObjectNode root = JSON.createObjectNode();
        root.putArray("keys").add(enc).add(key);
        return root.toString();
    }

    String sign(ObjectNode claims) {
        return sign(JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", kid), claims, keys.getPrivate());
    }

    static String sign(ObjectNode header, ObjectNode claims, PrivateKey key) {
        String input = b64(header.toString().getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
