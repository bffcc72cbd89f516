package ru.esiaedu.esia.broker;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.vault.VaultStringSecret;

import ru.esiaedu.esia.crypto.LocalKeySigner;
import ru.esiaedu.esia.crypto.Pem;
import ru.esiaedu.esia.crypto.RemoteSigningServiceSigner;
import ru.esiaedu.esia.crypto.RequestSigner;
import ru.esiaedu.esia.crypto.SigningException;

/**
 * Builds the request signer the admin chose. Secrets may be {@code ${vault.…}} references, so every
 * node of a cluster reads the same key from the vault or the database, at every login; a local signer built from
 * what was read is kept by its digest ({@link MaterialCache}), so a rotated key takes effect at the next login. The
 * same holds for ESIA's token-signing certificates.
 */
final class EsiaSigners {

    private static final MaterialCache<LocalKeySigner> LOCAL_SIGNERS = new MaterialCache<>();
    private static final MaterialCache<List<X509Certificate>> ESIA_CERTIFICATES = new MaterialCache<>();

    private EsiaSigners() {
    }

    /** @param http the shared client a signing service is called with (see {@link EsiaHttpClients}) */
    static RequestSigner create(KeycloakSession session, EsiaIdentityProviderConfig config, HttpClient http)
            throws SigningException {
        try {
            return switch (config.getSigningMethod()) {
                case PEM -> {
                    String key = secret(session, config.getClientPrivateKey());
                    String certificate = secret(session, config.getClientCertificate());
                    yield LOCAL_SIGNERS.get(() -> LocalKeySigner.fromPem(key, certificate), "PEM", key, certificate);
                }
                case PKCS12 -> {
                    String p12 = secret(session, config.getClientPkcs12());
                    String password = secret(session, config.getClientPkcs12Password());
                    String alias = config.getClientPkcs12Alias();
                    yield LOCAL_SIGNERS.get(() -> LocalKeySigner.fromPkcs12(Base64.getMimeDecoder().decode(p12),
                            passwordChars(password), alias), "PKCS12", p12, password, alias);
                }
                case SIGNING_SERVICE -> remoteSigner(session, config, http);
            };
        } catch (RuntimeException e) {
            // Parsing errors carry no key material; keep only the type and message for the log.
            throw new SigningException("Client signing key is not usable: " + e.getMessage(), e);
        }
    }

    /** ESIA's token-signing certificates as the settings (or the vault) give them now, parsed once per content. */
    static List<X509Certificate> esiaCertificates(KeycloakSession session, EsiaIdentityProviderConfig config) {
        String pem = secret(session, config.getEsiaCertificates());
        return ESIA_CERTIFICATES.get(() -> List.copyOf(Pem.certificates(pem)), pem);
    }

    private static RequestSigner remoteSigner(KeycloakSession session, EsiaIdentityProviderConfig config,
            HttpClient http) {
        List<X509Certificate> certificates = Pem.certificates(secret(session, config.getClientCertificate()));
        return RemoteSigningServiceSigner.builder(URI.create(config.getSigningServiceUrl()), certificates.get(0))
                .httpClient(http)
                .readTimeout(config.getReadTimeout())
                .bearerToken(secret(session, config.getSigningServiceToken()))
                .reverse(config.isSigningServiceReverseBytes())
                .build();
    }

    /** Resolves a {@code ${vault.key}} reference; a plain value is returned as it is. */
    static String secret(KeycloakSession session, String value) {
        if (value == null) {
            return null;
        }
        try (VaultStringSecret secret = session.vault().getStringSecret(value)) {
            return secret.get().orElse(value);
        }
    }

    private static char[] passwordChars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
