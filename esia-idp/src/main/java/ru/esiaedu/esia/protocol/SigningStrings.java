package ru.esiaedu.esia.protocol;

import java.util.Objects;

/**
 * The strings ESIA expects to be signed ({@code client_secret}): plain concatenation, no separators, order matters.
 * Sign their UTF-8 bytes. A {@code null} {@code scope_org} counts as empty; every other part is required.
 */
public final class SigningStrings {

    private SigningStrings() {
    }

    /** v2 {@code /aas/oauth2/v2/ac}: {@code client_id + scope + scope_org + timestamp + state + redirect_uri}. */
    public static String authorizationV2(String clientId, String scope, String scopeOrg, String timestamp, String state,
            String redirectUri) {
        return req(clientId, "clientId") + req(scope, "scope") + opt(scopeOrg) + req(timestamp, "timestamp")
                + req(state, "state") + req(redirectUri, "redirectUri");
    }

    /** v3 {@code /aas/oauth2/v3/te}, {@code grant_type=authorization_code}: as {@link #authorizationV2} {@code + code}. */
    public static String tokenV3(String clientId, String scope, String scopeOrg, String timestamp, String state,
            String redirectUri, String code) {
        return authorizationV2(clientId, scope, scopeOrg, timestamp, state, redirectUri) + req(code, "code");
    }

    /** v3 {@code /aas/oauth2/v3/te}, {@code grant_type=refresh_token}: the same as {@link #authorizationV2}. */
    public static String refreshV3(String clientId, String scope, String scopeOrg, String timestamp, String state,
            String redirectUri) {
        return authorizationV2(clientId, scope, scopeOrg, timestamp, state, redirectUri);
    }

    /** v1 {@code /aas/oauth2/ac} and {@code /aas/oauth2/te}: {@code scope + timestamp + client_id + state}. */
    public static String v1(String scope, String timestamp, String clientId, String state) {
        return req(scope, "scope") + req(timestamp, "timestamp") + req(clientId, "clientId") + req(state, "state");
    }

    private static String req(String value, String name) {
        return Objects.requireNonNull(value, name);
    }

    private static String opt(String value) {
        return value == null ? "" : value;
    }
}
