package ru.esiaedu.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class IdTokenVerifierTest {

    static final String ISSUER = "http://localhost:8080/realms/school";
    static final String CLIENT = "school-portal";
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    final TestTokens realm = new TestTokens("key-1");
    final AtomicReference<String> published = new AtomicReference<>(realm.jwks());
    final AtomicInteger fetches = new AtomicInteger();
    MutableClock clock;
    IdTokenVerifier verifier;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(NOW);
        Jwks jwks = new Jwks(() -> {
            fetches.incrementAndGet();
            return published.get();
        }, clock);
        verifier = new IdTokenVerifier(ISSUER, CLIENT, jwks, clock, Duration.ofSeconds(60));
    }

    ObjectNode claims() {
        return TestTokens.JSON.createObjectNode().put("iss", ISSUER).put("aud", CLIENT).put("sub", "user-1").put("typ", "ID")
                .put("exp", NOW.plusSeconds(300).getEpochSecond()).put("iat", NOW.minusSeconds(1).getEpochSecond())
                .put("nonce", "n-1").put("family_name", "Захарченко");
    }

    @Test
    void aGoodTokenGivesItsClaims() throws Exception {
        assertThat(verifier.verify(realm.sign(claims()), "n-1").path("family_name").asText()).isEqualTo("Захарченко");
    }

    @Test
    void anAudienceListWithThisClientAsAzpIsAccepted() throws Exception {
        ObjectNode claims = claims().put("azp", CLIENT);
        claims.putArray("aud").add(CLIENT).add("account");
        assertThat(verifier.verify(realm.sign(claims), "n-1").path("sub").asText()).isEqualTo("user-1");
    }

    @Test
    void aChangedPayloadBreaksTheSignature() {
        String[] parts = realm.sign(claims()).split("\\.");
        String forged = parts[0] + "." + TestTokens.b64(claims().put("sub", "admin").toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRefused(forged, "n-1", "signature");
    }

    @Test
    void aTokenSignedByAnotherKeyWithTheSameKidIsRefused() {
        TestTokens attacker = new TestTokens("key-1");
        assertRefused(attacker.sign(claims()), "n-1", "signature");
    }

    @Test
    void algNoneAndHs256AreRefused() throws Exception {
        String body = TestTokens.b64(claims().toString().getBytes(StandardCharsets.UTF_8));
        String none = TestTokens.b64("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + body + ".";
        assertRefused(none, "n-1", "algorithm none");

        String header = TestTokens.b64("{\"alg\":\"HS256\",\"kid\":\"key-1\"}".getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(realm.keys.getPublic().getEncoded(), "HmacSHA256"));
        String hs = header + "." + body + "." + TestTokens.b64(mac.doFinal((header + "." + body).getBytes(StandardCharsets.US_ASCII)));
        assertRefused(hs, "n-1", "HS256");
    }

    @Test
    void wrongIssuerAudienceOrAzpIsRefused() {
        assertRefused(realm.sign(claims().put("iss", "http://localhost:8080/realms/other")), "n-1", "iss");
        assertRefused(realm.sign(claims().put("aud", "another-client")), "n-1", "aud");
        ObjectNode twoAudiences = claims().put("azp", "another-client");
        twoAudiences.putArray("aud").add(CLIENT).add("another-client");
        assertRefused(realm.sign(twoAudiences), "n-1", "azp");
    }

    @Test
    void expiryAndIssueTimeAreCheckedWithAMinuteOfLeeway() throws Exception {
        String token = realm.sign(claims());
        clock.now = NOW.plusSeconds(300 + 59);
        assertThat(verifier.verify(token, "n-1")).isNotNull();
        clock.now = NOW.plusSeconds(300 + 61);
        assertRefused(token, "n-1", "exp");

        clock.now = NOW;
        assertRefused(realm.sign(claims().put("iat", NOW.plusSeconds(120).getEpochSecond())), "n-1", "iat");
        ObjectNode noExp = claims();
        noExp.remove("exp");
        assertRefused(realm.sign(noExp), "n-1", "exp");
    }

    @Test
    void theNonceMustBeTheOneOfThisLogin() {
        assertRefused(realm.sign(claims()), "n-2", "nonce");
        ObjectNode noNonce = claims();
        noNonce.remove("nonce");
        assertRefused(realm.sign(noNonce), "n-1", "nonce");
        assertRefused(realm.sign(claims()), null, "nonce");
    }

    @Test
    void anAccessTokenIsNotAnIdToken() {
        assertRefused(realm.sign(claims().put("typ", "Bearer")), "n-1", "typ");
    }

    @Test
    void garbageIsRefused() {
        assertRefused(null, "n-1", "no ID token");
        assertRefused("abc", "n-1", "compact");
        assertRefused("a.b.c", "n-1", "header");
    }

    @Test
    void aRotatedKeyIsFetchedOnceAndUnknownKeysDoNotHammerKeycloak() throws Exception {
        assertThat(verifier.verify(realm.sign(claims()), "n-1")).isNotNull();
        assertThat(fetches).hasValue(1);

        TestTokens rotated = new TestTokens("key-2");
        published.set(rotated.jwks());
        clock.now = NOW.plusSeconds(11);
        ObjectNode fresh = claims().put("iat", clock.now.getEpochSecond()).put("exp", clock.now.plusSeconds(300).getEpochSecond());
        assertThat(verifier.verify(rotated.sign(fresh), "n-1")).isNotNull();
        assertThat(fetches).hasValue(2);

        TestTokens unknown = new TestTokens("key-3");
        for (int i = 0; i < 5; i++) {
            assertRefused(unknown.sign(fresh), "n-1", "unknown key");
        }
        assertThat(fetches).hasValue(2); // within 10 s of the last fetch: no new request
    }

    @Test
    void theEncryptionKeyOfTheRealmIsNeverUsedForSignatures() throws Exception {
        assertThat(Jwks.parse(realm.jwks())).containsOnlyKeys("key-1");
    }

    private void assertRefused(String token, String nonce, String why) {
        assertThatThrownBy(() -> verifier.verify(token, nonce)).isInstanceOf(InvalidTokenException.class).hasMessageContaining(why);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
