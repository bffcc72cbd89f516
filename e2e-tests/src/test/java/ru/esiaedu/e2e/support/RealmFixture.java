package ru.esiaedu.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo realm, re-pointed at the test servers. realm-export's school-realm.json hard-codes the
 * demo URLs (Keycloak on :8080, emulator on :8081); tests run both on random ports.
 */
public final class RealmFixture {

    /** From the realm-export module (on the test classpath). */
    public static final String SCHOOL_REALM = "school-realm.json";

    static final String DEMO_KEYCLOAK_URL = "http://localhost:8080";
    static final String DEMO_EMULATOR_URL = "http://localhost:8081";
    static final String DEMO_PORTAL_URL = "http://localhost:3000";

    private RealmFixture() {
    }

    /** The demo realm exactly as realm-export ships it: tests exercise the configuration operators import. */
    public static String load() {
        String json = resource(SCHOOL_REALM);
        if (json == null) {
            throw new IllegalStateException(SCHOOL_REALM + " is not on the classpath (realm-export module)");
        }
        return json;
    }

    /** Swaps the demo URLs for the test ones; a null emulatorUrl leaves the emulator URL as is. */
    public static String rewrite(String realmJson, String keycloakUrl, String emulatorUrl) {
        String json = realmJson.replace(DEMO_KEYCLOAK_URL, keycloakUrl);
        return emulatorUrl == null ? json : json.replace(DEMO_EMULATOR_URL, emulatorUrl);
    }

    /**
     * Loads, rewrites and (re)imports the realm with e-mail going to the test SMTP server, the portal's redirect
     * URIs pointing at the shared test portal and the client key taken from the test server's vault; returns the
     * realm name.
     */
    public static String importInto(KeycloakTestServer keycloak, String emulatorUrl) {
        String json = rewrite(load(), keycloak.baseUrl(), emulatorUrl)
                .replace(DEMO_PORTAL_URL, SharedPortal.get(keycloak).baseUrl());
        return keycloak.admin().importRealm(withKeyFromVault(withSmtpPort(json, SharedSmtp.port())));
    }

    /**
     * The test server runs in production mode, where the provider refuses literal key material (the admin API
     * would show it to every admin who may view identity providers): the key is the vault's, as an operator does it.
     * The demo (start-dev) keeps the literal key of realm-export.
     */
    public static String withKeyFromVault(String realmJson) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode realm =
                    (com.fasterxml.jackson.databind.node.ObjectNode) AdminApi.JSON.readTree(realmJson);
            for (com.fasterxml.jackson.databind.JsonNode provider : realm.path("identityProviders")) {
                if ("esia".equals(provider.path("providerId").asText())) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) provider.path("config"))
                            .put("clientPrivateKey", Vault.CLIENT_KEY_REFERENCE);
                }
            }
            return AdminApi.JSON.writeValueAsString(realm);
        } catch (IOException e) {
            throw new UncheckedIOException("realm JSON is not valid", e);
        }
    }

    /** The demo realm sends mail to localhost:3025; tests point it at their own SMTP server. */
    static String withSmtpPort(String realmJson, int port) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode realm =
                    (com.fasterxml.jackson.databind.node.ObjectNode) AdminApi.JSON.readTree(realmJson);
            realm.with("smtpServer").put("host", "127.0.0.1").put("port", Integer.toString(port));
            return AdminApi.JSON.writeValueAsString(realm);
        } catch (IOException e) {
            throw new UncheckedIOException("realm JSON is not valid", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = RealmFixture.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
