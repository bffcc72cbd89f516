package ru.esiaedu.esia.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SigningStringsTest {

    private static final String TS = "2026.11.22 21:00:00 +0300";
    private static final String STATE = "4f3c1c1e-7b1c-4a8e-9d57-3f1d2b0c9e11";
    private static final String REDIRECT = "https://school.example/realms/school/broker/esia/endpoint";

    @Test
    void authorizationV2IsClientScopeScopeOrgTimestampStateRedirect() {
        assertThat(SigningStrings.authorizationV2("SCHOOL01", "openid fullname", "org_scope", TS, STATE, REDIRECT))
                .isEqualTo("SCHOOL01" + "openid fullname" + "org_scope" + "2026.11.22 21:00:00 +0300"
                        + "4f3c1c1e-7b1c-4a8e-9d57-3f1d2b0c9e11"
                        + "https://school.example/realms/school/broker/esia/endpoint");
    }

    @Test
    void nullScopeOrgIsEmpty() {
        assertThat(SigningStrings.authorizationV2("C|", "s|", null, "t|", "st|", "r")).isEqualTo("C|s|t|st|r");
        assertThat(SigningStrings.authorizationV2("C|", "s|", "", "t|", "st|", "r")).isEqualTo("C|s|t|st|r");
    }

    @Test
    void tokenV3AppendsTheCode() {
        assertThat(SigningStrings.tokenV3("C|", "s|", "o|", "t|", "st|", "r|", "CODE")).isEqualTo("C|s|o|t|st|r|CODE");
        assertThat(SigningStrings.tokenV3("C|", "s|", null, "t|", "st|", "r|", "CODE")).isEqualTo("C|s|t|st|r|CODE");
    }

    @Test
    void refreshV3IsLikeAuthorizationWithoutCode() {
        assertThat(SigningStrings.refreshV3("C|", "s|", "o|", "t|", "st|", "r")).isEqualTo("C|s|o|t|st|r");
    }

    @Test
    void v1IsScopeTimestampClientState() {
        assertThat(SigningStrings.v1("openid", TS, "SCHOOL01", STATE))
                .isEqualTo("openid" + TS + "SCHOOL01" + STATE);
    }

    @Test
    void requiredPartsMustNotBeNull() {
        assertThatThrownBy(() -> SigningStrings.authorizationV2(null, "s", null, "t", "st", "r"))
                .isInstanceOf(NullPointerException.class).hasMessage("clientId");
        assertThatThrownBy(() -> SigningStrings.tokenV3("C", "s", null, "t", "st", "r", null))
                .isInstanceOf(NullPointerException.class).hasMessage("code");
    }
}
