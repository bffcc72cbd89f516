package ru.esiaedu.esia.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import ru.esiaedu.esia.api.JsonArbitraries;
import ru.esiaedu.esia.crypto.TestKeys;
import ru.esiaedu.esia.crypto.TestKeys.KeyAndCert;

/**
 * ESIA's tokens arrive from the network. For any text, any claims signed with the trusted key, and any valid token
 * with its header or payload changed: the verifier returns a token or throws {@link EsiaTokenException}, nothing
 * else; and a changed token is never accepted.
 */
class EsiaTokenVerifierProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyAndCert RSA = TestKeys.rsa("ESIA RSA");
    private static final KeyAndCert GOST = TestKeys.gost("ESIA GOST");
    private static final String ISS = "http://esia-portal1.test.gosuslugi.ru/";
    private static final Instant NOW = Instant.parse("2026-11-22T18:00:00Z");
    private static final long NOW_S = NOW.getEpochSecond();
    private static final EsiaTokenVerifier VERIFIER = new EsiaTokenVerifier(
            List.of(RSA.certificate(), GOST.certificate()), ISS, "SCHOOL01", Duration.ofSeconds(60),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private static final String VALID = TestJwt.sign("RS256", access(), RSA.keyPair().getPrivate());

    private static Map<String, Object> access() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("nbf", NOW_S - 10);
        p.put("scope", "openid fullname?oid=1000299681 snils?oid=1000299681");
        p.put("iss", ISS);
        p.put("urn:esia:sbj_id", 1000299681L);
        p.put("exp", NOW_S + 3600);
        p.put("iat", NOW_S - 10);
        p.put("client_id", "SCHOOL01");
        return p;
    }

    @Property
    void anyTextIsAVerifiedTokenOrRefused(@ForAll("tokenLike") String token) {
        verifiedOrRefused(token);
    }

    @Property
    void anyClaimsSignedWithTheTrustedKeyAreVerifiedOrRefused(
            @ForAll("mutations") List<JsonArbitraries.Mutation> mutations) {
        JsonNode claims = JsonArbitraries.mutate(JSON.valueToTree(access()), mutations);
        if (!claims.isObject()) {
            return;
        }
        String token = TestJwt.sign("RS256", JSON.convertValue(claims, Map.class), RSA.keyPair().getPrivate());
        VerifiedToken verified = verifiedOrRefused(token);
        if (verified != null) {
            assertThat(verified.oid()).isNotBlank();
        }
    }

    @Example
    void theValidTokenIsVerified() throws EsiaTokenException {
        assertThat(VERIFIER.verify(VALID).oid()).isEqualTo("1000299681");
    }

    @Property
    void aValidTokenWithAnyHeaderOrPayloadCharacterChangedIsRefused(@ForAll("positions") int position,
            @ForAll("base64UrlChars") char replacement) {
        String token = VALID;
        int signatureStart = token.lastIndexOf('.');
        int at = position % signatureStart;
        if (token.charAt(at) == replacement || token.charAt(at) == '.') {
            return;
        }
        String tampered = token.substring(0, at) + replacement + token.substring(at + 1);
        try {
            VERIFIER.verify(tampered);
            fail("a token changed at position %d was accepted", at);
        } catch (EsiaTokenException e) {
            assertThat(e.reason()).isNotNull();
        }
    }

    private static VerifiedToken verifiedOrRefused(String token) {
        try {
            return VERIFIER.verify(token);
        } catch (EsiaTokenException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(e.getMessage()).doesNotContain("1000299681");
            return null;
        }
    }

    @Provide
    Arbitrary<List<JsonArbitraries.Mutation>> mutations() {
        return JsonArbitraries.mutations();
    }

    /** Any text; three base64url parts of any JSON; a real header with any payload and signature. */
    @Provide
    Arbitrary<String> tokenLike() {
        Arbitrary<String> part = Arbitraries.oneOf(
                JsonArbitraries.values().map(j -> TestJwt.b64(j.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                Arbitraries.strings().withChars("ABCDEFabcdef0123456789-_=+/").ofMaxLength(40),
                Arbitraries.of("", TestJwt.b64Json(TestJwt.header("RS256")), TestJwt.b64Json(TestJwt.header("none")),
                        TestJwt.b64Json(TestJwt.header("GOST3410_2012_256")), TestJwt.b64Json(Map.of("alg", "RS256",
                                "crit", List.of("x")))));
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().withChars("ab.").ofMaxLength(10),
                net.jqwik.api.Combinators.combine(part, part, part).as((h, p, s) -> h + "." + p + "." + s));
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<Character> base64UrlChars() {
        return Arbitraries.chars().with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray());
    }
}
