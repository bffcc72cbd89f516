package ru.esiaedu.esia.broker;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import ru.esiaedu.esia.crypto.Pem;
import ru.esiaedu.esia.protocol.EsiaEnvironment;

/**
 * Checks the provider settings when an admin saves them. Values that are vault references are only
 * checked for presence: the vault is read at login time, on the node that needs them.
 *
 * <p>Outside Keycloak's development mode the key material must be a vault reference: Keycloak masks only
 * {@code clientSecret} of an identity provider, so a literal key would be shown to every admin who may view
 * identity providers, and would land in partial exports and admin events.
 */
final class EsiaSettingsValidator {

    /** The whole value is one reference, as Keycloak's vault resolves it (and its export masking recognises it). */
    private static final Pattern VAULT_REFERENCE = Pattern.compile("^\\$\\{vault\\.[^}]+}$");

    /** A larger leeway would accept ESIA tokens long expired: five minutes cover any NTP-synchronised clock. */
    static final long MAX_CLOCK_SKEW_SECONDS = 300;
    /** Zero means "no timeout" to the JDK; more than a minute holds a login thread and the family's browser. */
    static final long MAX_TIMEOUT_MS = 60_000;

    private EsiaSettingsValidator() {
    }

    static void validate(EsiaIdentityProviderConfig config, boolean developmentMode) {
        if (!developmentMode) {
            requireVaultReferences(config);
        }
        if (config.getClientId() == null || config.getClientId().isBlank()) {
            throw new IllegalArgumentException("ESIA client id (mnemonic) is required");
        }
        boolean production = config.getEnvironment() == EsiaEnvironment.PRODUCTION;
        if (config.getEnvironment() == EsiaEnvironment.CUSTOM) {
            requireHttpUrl(config.getBaseUrl(), "ESIA base URL");
        }
        String enteredBaseUrl = config.getConfig().get(EsiaIdentityProviderConfig.BASE_URL);
        if (production && enteredBaseUrl != null && !enteredBaseUrl.isBlank()) {
            requireHttps(enteredBaseUrl.trim(), "ESIA base URL");
        }
        String certificates = config.getEsiaCertificates();
        if (certificates == null) {
            throw new IllegalArgumentException("At least one ESIA token-verification certificate is required");
        }
        if (!isVaultReference(certificates)) {
            Pem.certificates(certificates);
        }
        switch (config.getSigningMethod()) {
            case PEM -> {
                require(config.getClientPrivateKey(), "Client private key (PEM)");
                require(config.getClientCertificate(), "Client certificate (PEM)");
                if (!isVaultReference(config.getClientCertificate())) {
                    Pem.certificates(config.getClientCertificate());
                }
            }
            case PKCS12 -> require(config.getClientPkcs12(), "Client key store (PKCS#12, base64)");
            case SIGNING_SERVICE -> {
                requireHttpUrl(config.getSigningServiceUrl(), "Signing service URL");
                if (production) {
                    requireHttps(config.getSigningServiceUrl(), "Signing service URL");
                }
                require(config.getClientCertificate(), "Client certificate (PEM)");
            }
        }
        requireTimeout(config.getConnectTimeout().toMillis(), "Connect timeout");
        requireTimeout(config.getReadTimeout().toMillis(), "Read timeout");
        long leeway = config.getClockSkew().toSeconds();
        if (leeway < 0 || leeway > MAX_CLOCK_SKEW_SECONDS) {
            throw new IllegalArgumentException("Clock skew leeway must be between 0 and " + MAX_CLOCK_SKEW_SECONDS
                    + " seconds: a larger one accepts expired ESIA tokens");
        }
    }

    private static void requireTimeout(long millis, String label) {
        if (millis < 1 || millis > MAX_TIMEOUT_MS) {
            throw new IllegalArgumentException(label + " must be between 1 and " + MAX_TIMEOUT_MS + " ms");
        }
    }

    /** The production ESIA and the signing service that signs for it carry keys' work and persons' data. */
    private static void requireHttps(String value, String label) {
        if (!value.regionMatches(true, 0, "https://", 0, "https://".length())) {
            throw new IllegalArgumentException(label + " must be an https:// URL with the production ESIA");
        }
    }

    static boolean isVaultReference(String value) {
        return value != null && VAULT_REFERENCE.matcher(value.trim()).matches();
    }

    /** Key material the admin API would hand out in clear: a literal is refused, whatever the signing method. */
    private static void requireVaultReferences(EsiaIdentityProviderConfig config) {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("Client private key (PEM)", config.getClientPrivateKey());
        secrets.put("Client key store (PKCS#12)", config.getClientPkcs12());
        secrets.put("Key store password (PKCS#12)", config.getClientPkcs12Password());
        secrets.put("Signing service token", config.getSigningServiceToken());
        secrets.forEach((label, value) -> {
            if (value != null && !value.isBlank() && !isVaultReference(value)) {
                throw new IllegalArgumentException(label + " must be a vault reference such as ${vault.esia-client-key}"
                        + " outside development mode: Keycloak shows identity-provider settings in clear to every admin"
                        + " who may view them. Put the value into Keycloak's vault and enter the reference here.");
            }
        });
    }

    private static void require(String value, String label) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(label + " is required for the chosen signing method");
        }
    }

    private static void requireHttpUrl(String value, String label) {
        if (value == null) {
            throw new IllegalArgumentException(label + " is required");
        }
        try {
            URI uri = URI.create(value);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException(label + " must be an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + " must be an http(s) URL");
        }
    }
}
