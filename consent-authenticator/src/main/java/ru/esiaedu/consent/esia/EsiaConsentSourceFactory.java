package ru.esiaedu.consent.esia;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import ru.esiaedu.consent.ConsentIds;
import ru.esiaedu.consent.source.ConsentSource;
import ru.esiaedu.consent.source.ConsentSourceFactory;

/**
 * Consent source {@code esia} «ЕСИА (Госуслуги)». SPI options:
 * {@code --spi-consent-source--esia--connect-timeout-ms} (default 3000) and
 * {@code --spi-consent-source--esia--read-timeout-ms} (default 10000).
 */
public final class EsiaConsentSourceFactory implements ConsentSourceFactory, ServerInfoAwareProviderFactory {

    private static final Logger LOG = Logger.getLogger(EsiaConsentSourceFactory.class);

    public static final String CONNECT_TIMEOUT_MS = "connect-timeout-ms";
    public static final String READ_TIMEOUT_MS = "read-timeout-ms";

    private volatile EsiaConsentClient client = new EsiaConsentClient(
            EsiaConsentClient.DEFAULT_CONNECT_TIMEOUT, EsiaConsentClient.DEFAULT_READ_TIMEOUT);

    @Override
    public String getId() {
        return ConsentIds.SOURCE_ESIA;
    }

    @Override
    public String getDisplayName() {
        return "ЕСИА (Госуслуги)";
    }

    @Override
    public void init(Config.Scope config) {
        long connect = millis(config, CONNECT_TIMEOUT_MS, EsiaConsentClient.DEFAULT_CONNECT_TIMEOUT);
        long read = millis(config, READ_TIMEOUT_MS, EsiaConsentClient.DEFAULT_READ_TIMEOUT);
        client = new EsiaConsentClient(Duration.ofMillis(connect), Duration.ofMillis(read));
        LOG.debugf("consent source 'esia': connect timeout %d ms, read timeout %d ms", connect, read);
    }

    /** A missing value falls back to the default; a non-numeric or non-positive one too, with a warning. */
    static long millis(Config.Scope config, String option, Duration fallback) {
        Long configured;
        try {
            configured = config.getLong(option);
        } catch (RuntimeException notANumber) {
            configured = -1L;
        }
        if (configured == null) {
            return fallback.toMillis();
        }
        if (configured <= 0) {
            LOG.warnf("consent source 'esia': option '%s' must be a positive number of milliseconds; using %d ms",
                    option, fallback.toMillis());
            return fallback.toMillis();
        }
        return configured;
    }

    /** For tests: the timeouts in force. */
    EsiaConsentClient client() {
        return client;
    }

    @Override
    public ConsentSource create(KeycloakSession session) {
        return new EsiaConsentSource(client);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONNECT_TIMEOUT_MS).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Connect timeout, ms")
                .helpText("How long to wait for a TCP/TLS connection to ESIA's consent API.")
                .defaultValue(EsiaConsentClient.DEFAULT_CONNECT_TIMEOUT.toMillis()).add()
                .property().name(READ_TIMEOUT_MS).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Read timeout, ms")
                .helpText("How long to wait for each answer of ESIA's consent API; slower means «unavailable».")
                .defaultValue(EsiaConsentClient.DEFAULT_READ_TIMEOUT.toMillis()).add()
                .build();
    }

    /** Shown in the admin console (server info → providers): the interface is an assumption. */
    @Override
    public Map<String, String> getOperationalInfo() {
        return AssumedInterfaceWarning.operationalInfo();
    }
}
