package ru.esiaedu.esia.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import ru.esiaedu.esia.api.EsiaErrorCode.Category;

class EsiaErrorCodeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "ESIA-007002, CLIENT_MISCONFIGURED",
            "ESIA-007003, CLIENT_MISCONFIGURED",
            "ESIA-007004, USER_CANCELLED",
            "ESIA-007005, CLIENT_MISCONFIGURED",
            "ESIA-007006, CLIENT_MISCONFIGURED",
            "ESIA-007007, ESIA_UNAVAILABLE",
            "ESIA-007008, ESIA_UNAVAILABLE",
            "ESIA-007011, CODE_EXPIRED",
            "ESIA-007013, CLIENT_MISCONFIGURED",
            "ESIA-007014, CLIENT_MISCONFIGURED",
            "ESIA-007015, CLOCK_SKEW",
            "ESIA-007023, CLIENT_MISCONFIGURED",
            "ESIA-007039, CLIENT_MISCONFIGURED",
            "ESIA-007040, CLIENT_MISCONFIGURED",
            "ESIA-007053, CLIENT_MISCONFIGURED",
            "ESIA-007055, UNCONFIRMED_ACCOUNT",
            "ESIA-005029, CLIENT_MISCONFIGURED",
            "ESIA-036700, CONSENT_ERROR",
            "ESIA-036799, CONSENT_ERROR",
            "ESIA-036800, UNKNOWN",
            "ESIA-007999, UNKNOWN",
    })
    void everyDocumentedCodeHasItsCategory(String code, Category expected) {
        assertThat(EsiaErrorCode.categorize(code, null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "access_denied, USER_CANCELLED",
            "temporarily_unavailable, ESIA_UNAVAILABLE",
            "server_error, ESIA_UNAVAILABLE",
            "invalid_grant, CODE_EXPIRED",
            "unauthorized_client, CLIENT_MISCONFIGURED",
            "something_else, UNKNOWN",
    })
    void oauthErrorDecidesWhenThereIsNoKnownCode(String error, Category expected) {
        assertThat(EsiaErrorCode.categorize(null, error)).isEqualTo(expected);
    }

    @Test
    void esiaCodeWinsOverOauthError() {
        assertThat(EsiaErrorCode.categorize("ESIA-007055", "access_denied")).isEqualTo(Category.UNCONFIRMED_ACCOUNT);
        assertThat(EsiaErrorCode.categorize("ESIA-007999", "access_denied")).isEqualTo(Category.USER_CANCELLED);
        assertThat(EsiaErrorCode.categorize(null, null)).isEqualTo(Category.UNKNOWN);
    }

    @Test
    void extractFindsTheCodeInADescription() {
        assertThat(EsiaErrorCode.extract("ESIA-007011: Authorization code is invalid")).isEqualTo("ESIA-007011");
        assertThat(EsiaErrorCode.extract("error: ESIA-007004 refused")).isEqualTo("ESIA-007004");
        assertThat(EsiaErrorCode.extract("ESIA-0070: short")).isNull();
        assertThat(EsiaErrorCode.extract("no code here")).isNull();
        assertThat(EsiaErrorCode.extract("")).isNull();
        assertThat(EsiaErrorCode.extract(null)).isNull();
    }
}
