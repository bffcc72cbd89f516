package ru.esiaedu.esia.broker;

import java.time.Duration;
import java.util.Locale;
import java.util.LinkedHashSet;
import java.util.Set;

import org.keycloak.broker.oidc.OAuth2IdentityProviderConfig;
import org.keycloak.common.util.Environment;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;

import ru.esiaedu.esia.protocol.EsiaEndpoints;
import ru.esiaedu.esia.protocol.EsiaEnvironment;
import ru.esiaedu.esia.protocol.ProtocolVersion;

/**
 * Typed view of the ESIA provider settings. The admin console stores every value as a string in the
 * provider's config map; defaults live here so a half-filled form still behaves sensibly.
 */
public class EsiaIdentityProviderConfig extends OAuth2IdentityProviderConfig {

    public static final String ENVIRONMENT = "esiaEnvironment";
    public static final String BASE_URL = "esiaBaseUrl";
    public static final String ISSUER = "esiaIssuer";
    public static final String PROTOCOL = "esiaProtocol";
    public static final String SCOPE_ORG = "esiaScopeOrg";
    public static final String SIGNING_METHOD = "signingMethod";
    public static final String CLIENT_PRIVATE_KEY = "clientPrivateKey";
    public static final String CLIENT_CERTIFICATE = "clientCertificate";
    public static final String CLIENT_PKCS12 = "clientPkcs12";
    public static final String CLIENT_PKCS12_PASSWORD = "clientPkcs12Password";
    public static final String CLIENT_PKCS12_ALIAS = "clientPkcs12Alias";
    public static final String SIGNING_SERVICE_URL = "signingServiceUrl";
    public static final String SIGNING_SERVICE_TOKEN = "signingServiceToken";
    public static final String SIGNING_SERVICE_REVERSE = "signingServiceReverseBytes";
    public static final String ESIA_CERTIFICATES = "esiaCertificates";
    public static final String ACCEPT_ONLY_CONFIRMED = "acceptOnlyConfirmed";
    public static final String SIMPLIFIED_ACCOUNT_ROLES = "simplifiedAccountRoles";
    /** Students only: a child under 14 registers a simplified account and the school enters the child's phone. */
    public static final String DEFAULT_SIMPLIFIED_ACCOUNT_ROLES = "STUDENT";
    public static final String FETCH_CHILDREN = "fetchChildren";
    public static final String CONNECT_TIMEOUT_MS = "connectTimeoutMs";
    public static final String READ_TIMEOUT_MS = "readTimeoutMs";
    public static final String CLOCK_SKEW_SECONDS = "clockSkewSeconds";
    public static final String USERNAME_PREFIX = "usernamePrefix";
    public static final String LOGOUT_AT_ESIA = "logoutAtEsia";

    public static final String DEFAULT_SCOPES = "openid fullname birthdate gender snils contacts email mobile"
            + " id_doc birth_cert_doc kid_fullname kid_birthdate kid_gender kid_snils kid_birth_cert_doc";

    public enum SigningMethod { PEM, PKCS12, SIGNING_SERVICE }

    public EsiaIdentityProviderConfig() {
    }

    public EsiaIdentityProviderConfig(IdentityProviderModel model) {
        super(model);
    }

    public EsiaEnvironment getEnvironment() {
        return enumValue(ENVIRONMENT, EsiaEnvironment.class, EsiaEnvironment.TEST);
    }

    public String getBaseUrl() {
        EsiaEnvironment environment = getEnvironment();
        return environment == EsiaEnvironment.CUSTOM ? trimmed(BASE_URL) : environment.baseUrl();
    }

    /** The {@code iss} ESIA puts into its tokens: fixed per stand, configurable for a custom one. */
    public String getExpectedIssuer() {
        String configured = trimmed(ISSUER);
        if (configured != null) {
            return configured;
        }
        EsiaEnvironment environment = getEnvironment();
        return environment == EsiaEnvironment.CUSTOM ? getBaseUrl() + "/" : environment.issuer();
    }

    public ProtocolVersion getProtocol() {
        return enumValue(PROTOCOL, ProtocolVersion.class, ProtocolVersion.V2_V3);
    }

    public EsiaEndpoints getEndpoints() {
        return EsiaEndpoints.of(getBaseUrl(), getProtocol());
    }

    public String getScopes() {
        String scope = getDefaultScope();
        return scope == null || scope.isBlank() ? DEFAULT_SCOPES : scope.trim().replaceAll("\\s+", " ");
    }

    public String getScopeOrg() {
        String value = trimmed(SCOPE_ORG);
        return value == null ? "" : value;
    }

    public SigningMethod getSigningMethod() {
        return enumValue(SIGNING_METHOD, SigningMethod.class, SigningMethod.PEM);
    }

    public String getClientPrivateKey() {
        return trimmed(CLIENT_PRIVATE_KEY);
    }

    public String getClientCertificate() {
        return trimmed(CLIENT_CERTIFICATE);
    }

    public String getClientPkcs12() {
        return trimmed(CLIENT_PKCS12);
    }

    public String getClientPkcs12Password() {
        return getConfig().get(CLIENT_PKCS12_PASSWORD);
    }

    public String getClientPkcs12Alias() {
        return trimmed(CLIENT_PKCS12_ALIAS);
    }

    public String getSigningServiceUrl() {
        return trimmed(SIGNING_SERVICE_URL);
    }

    public String getSigningServiceToken() {
        return trimmed(SIGNING_SERVICE_TOKEN);
    }

    public boolean isSigningServiceReverseBytes() {
        return Boolean.parseBoolean(getConfig().get(SIGNING_SERVICE_REVERSE));
    }

    public String getEsiaCertificates() {
        return trimmed(ESIA_CERTIFICATES);
    }

    public boolean isAcceptOnlyConfirmed() {
        return booleanValue(ACCEPT_ONLY_CONFIRMED, true);
    }

    /**
     * Roles for which a simplified account is let through even with {@link #isAcceptOnlyConfirmed()} (the login steps
     * then match it only by the phone or e-mail the school entered on that very card, with the name agreeing).
     */
    public Set<String> getSimplifiedAccountRoles() {
        String value = getConfig().get(SIMPLIFIED_ACCOUNT_ROLES);
        String roles = value == null ? DEFAULT_SIMPLIFIED_ACCOUNT_ROLES : value;
        Set<String> result = new LinkedHashSet<>();
        for (String role : roles.split("##|,")) {
            if (!role.isBlank()) {
                result.add(role.strip().toUpperCase(Locale.ROOT));
            }
        }
        return result;
    }

    /** Whether a simplified account may sign in for this role (null: no role chosen). */
    public boolean acceptsSimplifiedFor(String role) {
        return !isAcceptOnlyConfirmed() || (role != null && getSimplifiedAccountRoles().contains(role));
    }

    public boolean isFetchChildren() {
        return booleanValue(FETCH_CHILDREN, true);
    }

    public boolean isLogoutAtEsia() {
        return booleanValue(LOGOUT_AT_ESIA, true);
    }

    public Duration getConnectTimeout() {
        return Duration.ofMillis(longValue(CONNECT_TIMEOUT_MS, 5_000));
    }

    public Duration getReadTimeout() {
        return Duration.ofMillis(longValue(READ_TIMEOUT_MS, 10_000));
    }

    public Duration getClockSkew() {
        return Duration.ofSeconds(longValue(CLOCK_SKEW_SECONDS, 60));
    }

    public String getUsernamePrefix() {
        String value = getConfig().get(USERNAME_PREFIX);
        return value == null ? "esia-" : value.trim();
    }

    /**
     * Runs when an admin saves the provider (and when a realm is imported): a wrong setting is refused there, not
     * at a family's login. Literal key material is accepted only in development mode ({@code kc.sh start-dev}).
     */
    @Override
    public void validate(RealmModel realm) {
        EsiaSettingsValidator.validate(this, Environment.isDevMode());
    }

    private String trimmed(String key) {
        String value = getConfig().get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private boolean booleanValue(String key, boolean defaultValue) {
        String value = trimmed(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value);
    }

    private long longValue(String key, long defaultValue) {
        String value = trimmed(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ESIA setting '" + key + "' must be a whole number");
        }
    }

    private <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
        String value = trimmed(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ESIA setting '" + key + "' has an unknown value");
        }
    }
}
