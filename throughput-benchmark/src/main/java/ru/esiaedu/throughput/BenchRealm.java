package ru.esiaedu.throughput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The benchmark realm: the demo realm {@code school} as realm-export ships it (the ESIA provider, its flows, the
 * portal client), re-pointed at this run's Keycloak and emulator, the client key from the vault (production mode
 * refuses literal key material), plus the baseline: Keycloak's own {@code oidc} identity provider against the
 * emulator's OIDC mode, with Keycloak's built-in first-broker-login flow, for the same client.
 */
final class BenchRealm {
    static final String REALM = "school";
    static final String CLIENT_ID = "school-portal";
    static final String CLIENT_SECRET = "school-portal-demo-secret";
    /** Allowed by the portal client ({@code http://localhost:3000/*}); never requested: the device stops at it. */
    static final String REDIRECT_URI = "http://localhost:3000/callback";
    static final String ESIA = "esia";
    static final String OIDC = "oidc";
    static final String VAULT_KEY = "esia-client-key";

    private static final String DEMO_KEYCLOAK = "http://localhost:8080";
    private static final String DEMO_EMULATOR = "http://localhost:8081";

    private BenchRealm() {
    }

    static String demoRealm() {
        try (InputStream in = BenchRealm.class.getClassLoader().getResourceAsStream("school-realm.json")) {
            if (in == null) {
                throw new IllegalStateException("school-realm.json is not on the class path (realm-export)");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode build(ObjectMapper json, String demoRealm, String keycloakUrl, String emulatorUrl,
                            String oidcIssuer, String oidcClientSecret) {
        try {
            ObjectNode realm = (ObjectNode) json.readTree(demoRealm.replace(DEMO_KEYCLOAK, keycloakUrl)
                    .replace(DEMO_EMULATOR, emulatorUrl));
            ArrayNode providers = (ArrayNode) realm.path("identityProviders");
            for (JsonNode provider : providers) {
                if (ESIA.equals(provider.path("alias").asText())) {
                    ((ObjectNode) provider.path("config")).put("clientPrivateKey", "${vault." + VAULT_KEY + "}");
                }
            }
            ObjectNode oidc = providers.addObject();
            oidc.put("alias", OIDC);
            oidc.put("providerId", "oidc");
            oidc.put("displayName", "OpenID Connect (baseline)");
            oidc.put("enabled", true);
            oidc.put("trustEmail", true);
            oidc.put("storeToken", false);
            oidc.put("hideOnLogin", true);
            oidc.put("firstBrokerLoginFlowAlias", "first broker login");
            ObjectNode config = oidc.putObject("config");
            config.put("clientId", "SCHOOL01");
            config.put("clientSecret", oidcClientSecret);
            config.put("clientAuthMethod", "client_secret_post");
            config.put("authorizationUrl", oidcIssuer + "/authorize");
            config.put("tokenUrl", oidcIssuer + "/token");
            config.put("userInfoUrl", oidcIssuer + "/userinfo");
            config.put("jwksUrl", oidcIssuer + "/jwks");
            config.put("issuer", oidcIssuer);
            config.put("useJwksUrl", "true");
            config.put("validateSignature", "true");
            config.put("defaultScope", "openid profile email phone");
            config.put("syncMode", "FORCE");
            config.put("pkceEnabled", "false");
            config.put("disableUserInfo", "false");
            return realm;
        } catch (IOException e) {
            throw new UncheckedIOException("the demo realm is not valid JSON", e);
        }
    }
}
