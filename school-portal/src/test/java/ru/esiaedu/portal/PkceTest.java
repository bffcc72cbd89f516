package ru.esiaedu.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void theChallengeOfTheRfc7636ExampleVerifierIsTheRfcValue() {
        assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void verifiersAre43UnreservedCharactersAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String verifier = Pkce.newVerifier();
            assertThat(verifier).hasSize(43).matches("[A-Za-z0-9\\-_]+");
            assertThat(seen.add(verifier)).isTrue();
        }
    }

    @Test
    void aTooShortOrMalformedVerifierIsRefused() {
        assertThatThrownBy(() -> Pkce.challenge("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pkce.challenge("x".repeat(42) + " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pkce.challenge(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
