package ru.esiaedu.esia.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import ru.esiaedu.esia.crypto.TestKeys;
import ru.esiaedu.esia.crypto.TestKeys.KeyAndCert;
import ru.esiaedu.esia.token.EsiaTokenException.Reason;

class EsiaTokenVerifierTest {

    private static final KeyAndCert RSA = TestKeys.rsa("ESIA RSA");
    private static final KeyAndCert GOST = TestKeys.gost("ESIA GOST");
    private static final KeyAndCert GOST_NEW = TestKeys.gost("ESIA GOST 2027");
    private static final KeyAndCert ATTACKER = TestKeys.gost("attacker");

    private static final String ISS = "http://esia-portal1.test.gosuslugi.ru/";
    private static final Instant NOW = Instant.parse("2026-11-22T18:00:00Z");
    private static final long NOW_S = NOW.getEpochSecond();

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private EsiaTokenVerifier verifier(KeyAndCert... trusted) {
        return new EsiaTokenVerifier(java.util.Arrays.stream(trusted).map(KeyAndCert::certificate).toList(), ISS,
                "SCHOOL01", Duration.ofSeconds(60), clock);
    }

    private EsiaTokenVerifier verifier() {
        return verifier(RSA, GOST);
    }

    /** An ESIA-like access token payload. */
    private static Map<String, Object> access() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("nbf", NOW_S - 10);
        p.put("scope", "openid fullname?oid=1000299681 snils?oid=1000299681 kid_fullname?oid=1000299681");
        p.put("iss", ISS);
        p.put("urn:esia:sid", "a1b2c3");
        p.put("urn:esia:sbj_id", 1000299681L);
        p.put("exp", NOW_S + 3600);
        p.put("iat", NOW_S - 10);
        p.put("client_id", "SCHOOL01");
        return p;
    }

    private static Reason reasonOf(ThrowingCall call) {
        try {
            call.run();
        } catch (EsiaTokenException e) {
            return e.reason();
        } catch (Exception e) {
            throw new AssertionError("unexpected " + e, e);
        }
        throw new AssertionError("no EsiaTokenException");
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void goodRs256() throws Exception {
        VerifiedToken t = verifier().verify(TestJwt.sign("RS256", access(), RSA.keyPair().getPrivate()));
        assertThat(t.oid()).isEqualTo("1000299681");
        assertThat(t.algorithm()).isEqualTo("RS256");
        assertThat(t.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(t.issuedAt()).isEqualTo(NOW.minusSeconds(10));
        assertThat(t.scopes()).containsExactly("openid", "fullname", "snils", "kid_fullname");
        assertThat(t.stringClaim("urn:esia:sid")).isEqualTo("a1b2c3");
        assertThat(t.stringClaim("urn:esia:sbj_id")).isEqualTo("1000299681");
        assertThat(t.claim("client_id")).isEqualTo("SCHOOL01");
        assertThat(t.claims()).containsKey("scope");
        assertThat(t.toString()).doesNotContain("1000299681");
    }

    @Test
    void goodGost() throws Exception {
        String jwt = TestJwt.sign("GOST3410_2012_256", access(), GOST.keyPair().getPrivate());
        assertThat(jwt.substring(jwt.lastIndexOf('.') + 1)).hasSize(86);
        VerifiedToken t = verifier().verify(jwt);
        assertThat(t.oid()).isEqualTo("1000299681");
        assertThat(t.algorithm()).isEqualTo("GOST3410_2012_256");
    }

    @Test
    void forgedSignature() {
        String forged = TestJwt.sign("GOST3410_2012_256", access(), ATTACKER.keyPair().getPrivate());
        assertThat(reasonOf(() -> verifier().verify(forged))).isEqualTo(Reason.BAD_SIGNATURE);
        String forgedRsa = TestJwt.sign("RS256", access(), TestKeys.rsa("attacker rsa").keyPair().getPrivate());
        assertThat(reasonOf(() -> verifier().verify(forgedRsa))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void reversedGostSignatureFails() {
        String jwt = TestJwt.sign("GOST3410_2012_256", access(), GOST.keyPair().getPrivate());
        int dot = jwt.lastIndexOf('.');
        byte[] sig = Base64.getUrlDecoder().decode(jwt.substring(dot + 1));
        byte[] rev = new byte[sig.length];
        for (int i = 0; i < sig.length; i++) {
            rev[i] = sig[sig.length - 1 - i];
        }
        String reversed = jwt.substring(0, dot + 1) + TestJwt.b64(rev);
        assertThat(reasonOf(() -> verifier().verify(reversed))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void tamperedPayload() {
        String jwt = TestJwt.sign("RS256", access(), RSA.keyPair().getPrivate());
        Map<String, Object> other = access();
        other.put("urn:esia:sbj_id", 1000000001L);
        String[] parts = jwt.split("\\.");
        String tampered = parts[0] + "." + TestJwt.b64Json(other) + "." + parts[2];
        assertThat(reasonOf(() -> verifier().verify(tampered))).isEqualTo(Reason.BAD_SIGNATURE);

        String gost = TestJwt.sign("GOST3410_2012_256", access(), GOST.keyPair().getPrivate());
        String[] g = gost.split("\\.");
        String tamperedGost = g[0] + "." + TestJwt.b64Json(other) + "." + g[2];
        assertThat(reasonOf(() -> verifier().verify(tamperedGost))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void algNoneIsRefused() {
        String none = TestJwt.b64Json(Map.of("alg", "none", "typ", "JWT")) + "." + TestJwt.b64Json(access()) + ".";
        assertThat(reasonOf(() -> verifier().verify(none))).isIn(Reason.UNSUPPORTED_ALGORITHM);
        String noneWithSig = none + "AAAA";
        assertThat(reasonOf(() -> verifier().verify(noneWithSig))).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void hs256IsRefusedEvenWithTheCertificateAsSecret() throws Exception {
        // classic key-confusion attack: HMAC keyed with the public certificate bytes
        String input = TestJwt.b64Json(Map.of("alg", "HS256", "typ", "JWT")) + "." + TestJwt.b64Json(access());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(RSA.certificate().getEncoded(), "HmacSHA256"));
        String jwt = input + "." + TestJwt.b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        assertThat(reasonOf(() -> verifier().verify(jwt))).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void algorithmWithoutAMatchingTrustedKeyFails() {
        String rsaJwt = TestJwt.sign("RS256", access(), RSA.keyPair().getPrivate());
        assertThat(reasonOf(() -> verifier(GOST).verify(rsaJwt))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void expired() {
        Map<String, Object> p = access();
        p.put("exp", NOW_S - 61);
        String jwt = TestJwt.sign("RS256", p, RSA.keyPair().getPrivate());
        assertThat(reasonOf(() -> verifier().verify(jwt))).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void missingExpIsMalformed() {
        Map<String, Object> p = access();
        p.remove("exp");
        String jwt = TestJwt.sign("RS256", p, RSA.keyPair().getPrivate());
        assertThat(reasonOf(() -> verifier().verify(jwt))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void notYetValid() {
        Map<String, Object> p = access();
        p.put("nbf", NOW_S + 61);
        assertThat(reasonOf(() -> verifier().verify(TestJwt.sign("RS256", p, RSA.keyPair().getPrivate()))))
                .isEqualTo(Reason.NOT_YET_VALID);
        Map<String, Object> q = access();
        q.put("iat", NOW_S + 120);
        assertThat(reasonOf(() -> verifier().verify(TestJwt.sign("GOST3410_2012_256", q, GOST.keyPair().getPrivate()))))
                .isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void withinLeeway() throws Exception {
        Map<String, Object> p = access();
        p.put("exp", NOW_S - 59);
        p.put("nbf", NOW_S + 59);
        p.put("iat", NOW_S + 59);
        VerifiedToken t = verifier().verify(TestJwt.sign("RS256", p, RSA.keyPair().getPrivate()));
        assertThat(t.expiresAt()).isEqualTo(NOW.minusSeconds(59));

        // and exactly at the boundary exp + leeway == now it is expired
        Map<String, Object> q = access();
        q.put("exp", NOW_S - 60);
        assertThat(reasonOf(() -> verifier().verify(TestJwt.sign("RS256", q, RSA.keyPair().getPrivate()))))
                .isEqualTo(Reason.EXPIRED);
    }

    @Test
    void wrongIssuer() {
        Map<String, Object> p = access();
        p.put("iss", "http://esia.gosuslugi.ru/");
        assertThat(reasonOf(() -> verifier().verify(TestJwt.sign("RS256", p, RSA.keyPair().getPrivate()))))
                .isEqualTo(Reason.WRONG_ISSUER);
        Map<String, Object> q = access();
        q.remove("iss");
        assertThat(reasonOf(() -> verifier().verify(TestJwt.sign("RS256", q, RSA.keyPair().getPrivate()))))
                .isEqualTo(Reason.WRONG_ISSUER);
        Map<String, Object> r = access();
        r.put("iss", "https://esia-portal1.test.gosuslugi.ru/");
        assertThat(reasonOf(() -> verifier().verify(TestJwt.sign("RS256", r, RSA.keyPair().getPrivate()))))
                .isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void issuerTrailingSlashDifferenceIsAccepted() throws Exception {
        Map<String, Object> p = access();
        p.put("iss", "http://esia-portal1.test.gosuslugi.ru");
        assertThat(verifier().verify(TestJwt.sign("RS256", p, RSA.keyPair().getPrivate())).oid()).isEqualTo("1000299681");
        EsiaTokenVerifier noSlash = new EsiaTokenVerifier(List.of(RSA.certificate()),
                "http://esia-portal1.test.gosuslugi.ru", "SCHOOL01", Duration.ofSeconds(60), clock);
        assertThat(noSlash.verify(TestJwt.sign("RS256", access(), RSA.keyPair().getPrivate())).oid())
                .isEqualTo("1000299681");
        Map<String, Object> q = access();
        q.put("iss", "http://esia-portal1.test.gosuslugi.ru//");
        assertThat(reasonOf(() -> noSlash.verify(TestJwt.sign("RS256", q, RSA.keyPair().getPrivate()))))
                .isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void wrongAudience() {
        Map<String, Object> p = access();
        p.put("client_id", "OTHER01");
        assertThat(reasonOf(() -> verifier().verify(TestJwt.sign("RS256", p, RSA.keyPair().getPrivate()))))
                .isEqualTo(Reason.WRONG_AUDIENCE);
        Map<String, Object> q = access();
        q.remove("client_id");
        assertThat(reasonOf(() -> verifier().verify(TestJwt.sign("RS256", q, RSA.keyPair().getPrivate()))))
                .isEqualTo(Reason.WRONG_AUDIENCE);
        Map<String, Object> r = access();
        r.remove("client_id");
        r.put("aud", List.of("OTHER01", "school01"));
        assertThat(reasonOf(() -> verifier().verify(TestJwt.sign("RS256", r, RSA.keyPair().getPrivate()))))
                .isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void audienceFromAudStringOrArray() throws Exception {
        Map<String, Object> p = access();
        p.remove("client_id");
        p.put("aud", "SCHOOL01");
        assertThat(verifier().verify(TestJwt.sign("RS256", p, RSA.keyPair().getPrivate())).oid()).isEqualTo("1000299681");
        p.put("aud", List.of("OTHER", "SCHOOL01"));
        assertThat(verifier().verify(TestJwt.sign("RS256", p, RSA.keyPair().getPrivate())).oid()).isEqualTo("1000299681");
    }

    @Test
    void rotationSecondCertificateVerifies() throws Exception {
        String jwt = TestJwt.sign("GOST3410_2012_256", access(), GOST_NEW.keyPair().getPrivate());
        assertThat(reasonOf(() -> verifier(RSA, GOST).verify(jwt))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(verifier(RSA, GOST, GOST_NEW).verify(jwt).oid()).isEqualTo("1000299681");
        assertThat(verifier(GOST_NEW, GOST).verify(TestJwt.sign("GOST3410_2012_256", access(),
                GOST.keyPair().getPrivate())).oid()).isEqualTo("1000299681");
    }

    @Test
    void missingSubject() {
        Map<String, Object> p = access();
        p.remove("urn:esia:sbj_id");
        assertThat(reasonOf(() -> verifier().verify(TestJwt.sign("RS256", p, RSA.keyPair().getPrivate()))))
                .isEqualTo(Reason.MISSING_SUBJECT);
        p.put("sub", " ");
        assertThat(reasonOf(() -> verifier().verify(TestJwt.sign("RS256", p, RSA.keyPair().getPrivate()))))
                .isEqualTo(Reason.MISSING_SUBJECT);
    }

    @Test
    void subjectFallbacksForIdToken() throws Exception {
        Map<String, Object> p = access();
        p.remove("urn:esia:sbj_id");
        p.remove("client_id");
        p.put("aud", "SCHOOL01");
        p.put("sub", 1000299681L);
        assertThat(verifier().verify(TestJwt.sign("RS256", p, RSA.keyPair().getPrivate())).oid()).isEqualTo("1000299681");
        p.put("urn:esia:sbj", Map.of("urn:esia:sbj:typ", "P", "urn:esia:sbj:oid", 1000299682L));
        assertThat(verifier().verify(TestJwt.sign("RS256", p, RSA.keyPair().getPrivate())).oid()).isEqualTo("1000299682");
        p.put("urn:esia:sbj_id", "1000299683");
        assertThat(verifier().verify(TestJwt.sign("RS256", p, RSA.keyPair().getPrivate())).oid()).isEqualTo("1000299683");
    }

    @Test
    void malformedTokens() {
        EsiaTokenVerifier v = verifier();
        String good = TestJwt.sign("RS256", access(), RSA.keyPair().getPrivate());
        String[] parts = good.split("\\.");
        assertThat(reasonOf(() -> v.verify(null))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> v.verify("abc"))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> v.verify(good + ".x"))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> v.verify("!!!." + parts[1] + "." + parts[2]))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> v.verify(TestJwt.b64("[1]".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "."
                + parts[2]))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> v.verify(parts[0] + "." + TestJwt.b64("not json".getBytes(StandardCharsets.UTF_8))
                + "." + parts[2]))).isEqualTo(Reason.MALFORMED);
        String dup = "{\"alg\":\"HS256\",\"alg\":\"RS256\"}";
        assertThat(reasonOf(() -> v.verify(TestJwt.b64(dup.getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "."
                + parts[2]))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> v.verify(parts[0] + "." + parts[1] + "."))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void gostSignatureOfWrongLength() {
        String jwt = TestJwt.sign("GOST3410_2012_256", access(), GOST.keyPair().getPrivate());
        String cut = jwt.substring(0, jwt.lastIndexOf('.') + 1) + TestJwt.b64(new byte[63]);
        assertThat(reasonOf(() -> verifier().verify(cut))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void messagesDoNotContainTokenContents() {
        Map<String, Object> p = access();
        p.put("exp", NOW_S - 3600);
        String jwt = TestJwt.sign("RS256", p, RSA.keyPair().getPrivate());
        assertThatThrownBy(() -> verifier().verify(jwt)).isInstanceOf(EsiaTokenException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("1000299681", "a1b2c3", jwt.substring(0, 20)));
    }

    @Test
    void constructorValidation() {
        assertThatThrownBy(() -> new EsiaTokenVerifier(List.of(), ISS, "SCHOOL01", Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No trusted");
        assertThatThrownBy(() -> new EsiaTokenVerifier(List.of(RSA.certificate()), " ", "SCHOOL01", Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EsiaTokenVerifier(List.of(RSA.certificate()), ISS, "", Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
