package ru.esiaedu.esia.broker;

import java.util.Set;

import ru.esiaedu.esia.api.EsiaErrorCode;

/**
 * Keys of the Russian (and English) texts in {@code theme-resources/messages}. Every ESIA error code
 * the protocol notes list has its own text; anything else falls back to its category.
 */
final class EsiaMessages {

    static final String CANCELLED = "esiaCancelled";
    static final String ACCOUNT_NOT_CONFIRMED = "esiaAccountNotConfirmed";
    static final String ACCOUNT_DELETED = "esiaAccountDeleted";
    static final String UNAVAILABLE = "esiaUnavailable";
    static final String BAD_RESPONSE = "esiaBadResponse";
    static final String INVALID_TOKEN = "esiaInvalidToken";
    static final String CLIENT_MISCONFIGURED = "esiaClientMisconfigured";
    static final String SIGNING_UNAVAILABLE = "esiaSigningUnavailable";
    static final String SESSION_EXPIRED = "esiaSessionExpired";
    static final String UNKNOWN = "esiaUnknownError";

    /** Codes with a text of their own, key {@code esiaError.<code>}. */
    static final Set<String> CODES_WITH_TEXT = Set.of("ESIA-007002", "ESIA-007003", "ESIA-007004", "ESIA-007005",
            "ESIA-007006", "ESIA-007007", "ESIA-007008", "ESIA-007011", "ESIA-007013", "ESIA-007014",
            "ESIA-007015", "ESIA-007023", "ESIA-007039", "ESIA-007040", "ESIA-007053", "ESIA-007055",
            "ESIA-005029");

    private EsiaMessages() {
    }

    /** A signing service outage is waited out; anything else about signing is a setting to fix. */
    static String forSigningFailure(ru.esiaedu.esia.crypto.SigningException e) {
        return e.serviceUnavailable() ? SIGNING_UNAVAILABLE : CLIENT_MISCONFIGURED;
    }

    static String forEsiaError(String code, String oauthError) {
        if (code != null && CODES_WITH_TEXT.contains(code)) {
            return "esiaError." + code;
        }
        return switch (EsiaErrorCode.categorize(code, oauthError)) {
            case USER_CANCELLED -> CANCELLED;
            case UNCONFIRMED_ACCOUNT -> ACCOUNT_NOT_CONFIRMED;
            case CLIENT_MISCONFIGURED, CLOCK_SKEW -> CLIENT_MISCONFIGURED;
            case CODE_EXPIRED -> SESSION_EXPIRED;
            case ESIA_UNAVAILABLE -> UNAVAILABLE;
            case CONSENT_ERROR, UNKNOWN -> UNKNOWN;
        };
    }
}
