package ru.esiaedu.esia.api;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ESIA error codes ({@code ESIA-0070xx}) and the categories the Russian error pages are keyed on.
 *
 * <p>The table is the codebook in docs/esia-idp.md. Codes not listed there map to
 * {@link Category#UNKNOWN}, except the consent family {@code ESIA-0367xx}. Choices beyond the
 * codes public ESIA clients document: the PKCE codes ESIA-007039/007040 and ESIA-005029 (REST call without the needed
 * scope) are {@link Category#CLIENT_MISCONFIGURED}; without a known code the OAuth {@code error}
 * decides ({@code invalid_grant} → CODE_EXPIRED, {@code invalid_client}/{@code unauthorized_client}/
 * {@code invalid_scope}/{@code unsupported_response_type} → CLIENT_MISCONFIGURED).
 */
public final class EsiaErrorCode {

    /** What the user (or the operator) should be told. */
    public enum Category {
        /** The user (or ESIA on their behalf) refused: {@code access_denied} / ESIA-007004. */
        USER_CANCELLED,
        /** Login with an unconfirmed account: ESIA-007055. */
        UNCONFIRMED_ACCOUNT,
        /** Certificate, secret, redirect URI, scope or parameters are wrong: an operator problem. */
        CLIENT_MISCONFIGURED,
        /** Request time rejected: ESIA-007015. */
        CLOCK_SKEW,
        /** Authorization code or refresh token invalid or expired: ESIA-007011. */
        CODE_EXPIRED,
        /** ESIA internal error or overload (ESIA-007007/007008, {@code server_error}, {@code temporarily_unavailable}). */
        ESIA_UNAVAILABLE,
        /** Digital-profile consent errors: ESIA-0367xx. */
        CONSENT_ERROR,
        /** Anything else. */
        UNKNOWN
    }

    public static final String CERTIFICATE_MISMATCH = "ESIA-007002";
    public static final String INVALID_PARAMETER = "ESIA-007003";
    public static final String ACCESS_DENIED = "ESIA-007004";
    public static final String UNAUTHORIZED_CLIENT = "ESIA-007005";
    public static final String INVALID_SCOPE = "ESIA-007006";
    public static final String INTERNAL_ERROR = "ESIA-007007";
    public static final String OVERLOADED = "ESIA-007008";
    public static final String INVALID_GRANT = "ESIA-007011";
    public static final String MISSING_SCOPE = "ESIA-007013";
    public static final String MANDATORY_PARAMETER_MISSING = "ESIA-007014";
    public static final String WRONG_REQUEST_TIME = "ESIA-007015";
    public static final String REDIRECT_URI_NOT_REGISTERED = "ESIA-007023";
    public static final String PKCE_CHALLENGE_MISSING = "ESIA-007039";
    public static final String PKCE_CHALLENGE_MISMATCH = "ESIA-007040";
    public static final String SECRET_CERTIFICATE_MISMATCH = "ESIA-007053";
    public static final String UNCONFIRMED_ACCOUNT = "ESIA-007055";
    public static final String SCOPE_NOT_GRANTED = "ESIA-005029";

    private static final Pattern CODE = Pattern.compile("ESIA-\\d{6}");
    private static final Pattern CONSENT_CODE = Pattern.compile("ESIA-0367\\d{2}");

    private static final Map<String, Category> TABLE = Map.ofEntries(
            Map.entry(ACCESS_DENIED, Category.USER_CANCELLED),
            Map.entry(UNCONFIRMED_ACCOUNT, Category.UNCONFIRMED_ACCOUNT),
            Map.entry(CERTIFICATE_MISMATCH, Category.CLIENT_MISCONFIGURED),
            Map.entry(INVALID_PARAMETER, Category.CLIENT_MISCONFIGURED),
            Map.entry(UNAUTHORIZED_CLIENT, Category.CLIENT_MISCONFIGURED),
            Map.entry(INVALID_SCOPE, Category.CLIENT_MISCONFIGURED),
            Map.entry(MISSING_SCOPE, Category.CLIENT_MISCONFIGURED),
            Map.entry(MANDATORY_PARAMETER_MISSING, Category.CLIENT_MISCONFIGURED),
            Map.entry(REDIRECT_URI_NOT_REGISTERED, Category.CLIENT_MISCONFIGURED),
            // PKCE problems are on the client's side as well.
            Map.entry(PKCE_CHALLENGE_MISSING, Category.CLIENT_MISCONFIGURED),
            Map.entry(PKCE_CHALLENGE_MISMATCH, Category.CLIENT_MISCONFIGURED),
            Map.entry(SECRET_CERTIFICATE_MISMATCH, Category.CLIENT_MISCONFIGURED),
            // A REST call without the needed scope: the client asked for too little.
            Map.entry(SCOPE_NOT_GRANTED, Category.CLIENT_MISCONFIGURED),
            Map.entry(WRONG_REQUEST_TIME, Category.CLOCK_SKEW),
            Map.entry(INVALID_GRANT, Category.CODE_EXPIRED),
            Map.entry(INTERNAL_ERROR, Category.ESIA_UNAVAILABLE),
            Map.entry(OVERLOADED, Category.ESIA_UNAVAILABLE));

    private EsiaErrorCode() {
    }

    /**
     * The first {@code ESIA-NNNNNN} code in an {@code error_description} (e.g.
     * {@code "ESIA-007011: Authorization code is invalid"}), or null.
     */
    public static String extract(String errorDescription) {
        if (errorDescription == null || errorDescription.isEmpty()) {
            return null;
        }
        Matcher m = CODE.matcher(errorDescription);
        return m.find() ? m.group() : null;
    }

    /**
     * Category for an ESIA code (may be null) and/or an OAuth {@code error} (may be null). The ESIA
     * code wins when it is known; otherwise the OAuth error decides.
     */
    public static Category categorize(String code, String oauthError) {
        if (code != null) {
            String c = code.trim().toUpperCase(Locale.ROOT);
            Category known = TABLE.get(c);
            if (known != null) {
                return known;
            }
            if (CONSENT_CODE.matcher(c).matches()) {
                return Category.CONSENT_ERROR;
            }
        }
        if (oauthError != null) {
            switch (oauthError.trim()) {
                case "access_denied":
                    return Category.USER_CANCELLED;
                case "temporarily_unavailable":
                case "server_error":
                    return Category.ESIA_UNAVAILABLE;
                case "unauthorized_client":
                case "invalid_client":
                case "invalid_scope":
                case "unsupported_response_type":
                    return Category.CLIENT_MISCONFIGURED;
                case "invalid_grant":
                    return Category.CODE_EXPIRED;
                default:
                    break;
            }
        }
        return Category.UNKNOWN;
    }
}
