package ru.esiaedu.emulator;

import java.util.List;

/**
 * A validated authorization request (v1 {@code /aas/oauth2/ac} or v2 {@code /aas/oauth2/v2/ac}).
 *
 * @param scopes the space-separated {@code scope} split into entries
 */
record AuthorizationRequest(int version, RegisteredClient client, String scope, List<String> scopes, String scopeOrg,
                            String state, String redirectUri, String accessType, String personFilter,
                            String permissions) {

    boolean confirmedOnly() {
        return "conf_acc".equals(personFilter);
    }
}
