package ru.esiaedu.esia.broker;

import java.net.URI;

import ru.esiaedu.esia.crypto.Pem;
import ru.esiaedu.esia.protocol.EsiaEnvironment;

/**
 * Checks the provider settings when an admin saves them. Values that are vault references are only
 * checked for presence: the vault is read at login time, on the node that needs them.
 */
final class EsiaSettingsValidator {

    private EsiaSettingsValidator() {
    }

    static void validate(EsiaIdentityProviderConfig config) {
        if (config.getClientId() == null || config.getClientId().isBlank()) {
            throw new IllegalArgumentException("ESIA client id (mnemonic) is required");
        }
        if (config.getEnvironment() == EsiaEnvironment.CUSTOM) {
            requireHttpUrl(config.getBaseUrl(), "ESIA base URL");
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
                require(config.getClientCertificate(), "Client certificate (PEM)");
            }
        }
        config.getConnectTimeout();
        config.getReadTimeout();
        config.getClockSkew();
    }

    static boolean isVaultReference(String value) {
        return value != null && value.startsWith("${vault.");
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
