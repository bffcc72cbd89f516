package ru.esiaedu.portal;

import java.time.Duration;
import java.util.Objects;

/** How the demo portal runs: its port and public URL, and the Keycloak client it signs in with. */
public final class PortalOptions {

    private int port = 3000;
    private String publicUrl;
    private String keycloakUrl = "http://localhost:8080";
    private String realm = "school";
    private String clientId = "school-portal";
    private String clientSecret = "school-portal-demo-secret";
    private String platformName = "Электронная школа (демо)";
    private boolean demoHints = true;
    private Duration sessionLifetime = Duration.ofHours(8);
    private Duration loginLifetime = Duration.ofMinutes(30);
    private Duration httpTimeout = Duration.ofSeconds(10);

    private PortalOptions() {
    }

    /** Port 3000, Keycloak at http://localhost:8080, realm {@code school}, the demo client and secret. */
    public static PortalOptions defaults() {
        return new PortalOptions();
    }

    /** 0 picks a free port. */
    public PortalOptions port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
        return this;
    }

    /** The URL browsers use for the portal; default {@code http://localhost:<port>}. */
    public PortalOptions publicUrl(String url) {
        this.publicUrl = trimSlash(url);
        return this;
    }

    /** Keycloak's base URL as the browser and the portal both reach it, e.g. {@code http://localhost:8080}. */
    public PortalOptions keycloakUrl(String url) {
        this.keycloakUrl = trimSlash(Objects.requireNonNull(url, "keycloakUrl"));
        return this;
    }

    public PortalOptions realm(String realm) {
        this.realm = Objects.requireNonNull(realm, "realm");
        return this;
    }

    public PortalOptions clientId(String clientId) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        return this;
    }

    public PortalOptions clientSecret(String clientSecret) {
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        return this;
    }

    /** The operator / platform name at the top of every page. */
    public PortalOptions platformName(String name) {
        this.platformName = Objects.requireNonNull(name, "platformName");
        return this;
    }

    /** Whether the start page lists the demo persons (which ESIA test person shows which scenario). */
    public PortalOptions demoHints(boolean show) {
        this.demoHints = show;
        return this;
    }

    public PortalOptions sessionLifetime(Duration lifetime) {
        this.sessionLifetime = Objects.requireNonNull(lifetime);
        return this;
    }

    public PortalOptions loginLifetime(Duration lifetime) {
        this.loginLifetime = Objects.requireNonNull(lifetime);
        return this;
    }

    public PortalOptions httpTimeout(Duration timeout) {
        this.httpTimeout = Objects.requireNonNull(timeout);
        return this;
    }

    public int port() {
        return port;
    }

    public String publicUrl() {
        return publicUrl;
    }

    public String keycloakUrl() {
        return keycloakUrl;
    }

    public String realm() {
        return realm;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public String platformName() {
        return platformName;
    }

    public boolean demoHints() {
        return demoHints;
    }

    public Duration sessionLifetime() {
        return sessionLifetime;
    }

    public Duration loginLifetime() {
        return loginLifetime;
    }

    public Duration httpTimeout() {
        return httpTimeout;
    }

    /** {@code <keycloakUrl>/realms/<realm>} */
    public String realmUrl() {
        return keycloakUrl + "/realms/" + java.net.URLEncoder.encode(realm, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String trimSlash(String url) {
        return url == null ? null : url.replaceAll("/+$", "");
    }
}
