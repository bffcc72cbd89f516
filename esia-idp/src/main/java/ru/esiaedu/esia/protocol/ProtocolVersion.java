package ru.esiaedu.esia.protocol;

/** ESIA OAuth generations: paths of the authorization and token endpoints. */
public enum ProtocolVersion {
    /** Current: authorize {@code /aas/oauth2/v2/ac}, token {@code /aas/oauth2/v3/te}; raw GOST {@code client_secret}. */
    V2_V3("/aas/oauth2/v2/ac", "/aas/oauth2/v3/te"),
    /** Legacy (announced for decommissioning): {@code /aas/oauth2/ac}, {@code /aas/oauth2/te}; detached CMS. */
    V1("/aas/oauth2/ac", "/aas/oauth2/te");

    private final String authorizationPath;
    private final String tokenPath;

    ProtocolVersion(String authorizationPath, String tokenPath) {
        this.authorizationPath = authorizationPath;
        this.tokenPath = tokenPath;
    }

    public String authorizationPath() {
        return authorizationPath;
    }

    public String tokenPath() {
        return tokenPath;
    }
}
