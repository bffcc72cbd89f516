package ru.esiaedu.emulator;

import java.nio.file.Path;
import java.time.Duration;

/** Start-up settings of the emulator; fluent, start from {@link #defaults()}. */
public final class EmulatorOptions {
    public static final String RS256 = "RS256";
    public static final String GOST = "GOST3410_2012_256";

    private int port = 0;
    private String publicBaseUrl;
    private String tokenAlgorithm = RS256;
    private Duration maxClockSkew = Duration.ofMinutes(5);
    private Duration codeLifetime = Duration.ofSeconds(60);
    private Duration slowFaultDelay = Duration.ofSeconds(30);
    private Path personsFile;
    private Path clientsFile;
    private int quickLoginButtons = Integer.MAX_VALUE;
    private String oidcClientSecret = "oidc-demo-secret";

    private EmulatorOptions() {
    }

    /** Bundled persons.json, clients.json and keys; random port; RS256 tokens. */
    public static EmulatorOptions defaults() {
        return new EmulatorOptions();
    }

    /** TCP port; 0 picks a free one. */
    public EmulatorOptions port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
        return this;
    }

    /** The URL browsers and clients use to reach the emulator; null means http://localhost:&lt;port&gt;. */
    public EmulatorOptions publicBaseUrl(String url) {
        this.publicBaseUrl = url == null ? null : url.replaceAll("/+$", "");
        return this;
    }

    /** {@code RS256} or {@code GOST3410_2012_256}: how tokens are signed (ESIA sets it per client system). */
    public EmulatorOptions tokenAlgorithm(String alg) {
        if (!RS256.equals(alg) && !GOST.equals(alg)) {
            throw new IllegalArgumentException("token algorithm must be " + RS256 + " or " + GOST + ": " + alg);
        }
        this.tokenAlgorithm = alg;
        return this;
    }

    /** Largest accepted difference between a request's {@code timestamp} and the emulator clock (ESIA-007015). */
    public EmulatorOptions maxClockSkew(Duration skew) {
        this.maxClockSkew = skew;
        return this;
    }

    /** How long an authorization code stays valid. */
    public EmulatorOptions codeLifetime(Duration lifetime) {
        this.codeLifetime = lifetime;
        return this;
    }

    /** How long the *_SLOW faults stall the answer. */
    public EmulatorOptions slowFaultDelay(Duration delay) {
        this.slowFaultDelay = delay;
        return this;
    }

    /** Replaces the bundled persons.json. */
    public EmulatorOptions personsFile(Path file) {
        this.personsFile = file;
        return this;
    }

    /** Replaces the bundled clients.json (certificate paths in it are resolved against its folder). */
    public EmulatorOptions clientsFile(Path file) {
        this.clientsFile = file;
        return this;
    }

    /** How many one-click persons the login pages list (all by default); logging in by {@code quick=<oid>} works for everybody. */
    public EmulatorOptions quickLoginButtons(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("quickLoginButtons must be 0 or more: " + max);
        }
        this.quickLoginButtons = max;
        return this;
    }

    /** The client secret every registered client presents at the OIDC mode's token endpoint ({@code /oidc/token}). */
    public EmulatorOptions oidcClientSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("oidcClientSecret must not be blank");
        }
        this.oidcClientSecret = secret;
        return this;
    }

    public int port() { return port; }
    public String publicBaseUrl() { return publicBaseUrl; }
    public String tokenAlgorithm() { return tokenAlgorithm; }
    public Duration maxClockSkew() { return maxClockSkew; }
    public Duration codeLifetime() { return codeLifetime; }
    public Duration slowFaultDelay() { return slowFaultDelay; }
    public Path personsFile() { return personsFile; }
    public Path clientsFile() { return clientsFile; }
    public int quickLoginButtons() { return quickLoginButtons; }
    public String oidcClientSecret() { return oidcClientSecret; }
}
