package ru.esiaedu.esia.protocol;

/** Known ESIA installations: base URL of the portal and the {@code iss} of its tokens (http, trailing slash). */
public enum EsiaEnvironment {
    TEST("https://esia-portal1.test.gosuslugi.ru", "http://esia-portal1.test.gosuslugi.ru/"),
    PRODUCTION("https://esia.gosuslugi.ru", "http://esia.gosuslugi.ru/"),
    /** Base URL and issuer come from configuration (e.g. the emulator). */
    CUSTOM(null, null);

    private final String baseUrl;
    private final String issuer;

    EsiaEnvironment(String baseUrl, String issuer) {
        this.baseUrl = baseUrl;
        this.issuer = issuer;
    }

    /** {@code https://…} without a trailing slash; {@code null} for {@link #CUSTOM}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Expected {@code iss} of tokens; {@code null} for {@link #CUSTOM}. */
    public String issuer() {
        return issuer;
    }
}
