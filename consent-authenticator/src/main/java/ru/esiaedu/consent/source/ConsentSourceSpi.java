package ru.esiaedu.consent.source;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** SPI {@code consent-source}: where students' consents live (ESIA by default, or the school registry). */
public final class ConsentSourceSpi implements Spi {

    public static final String NAME = "consent-source";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return ConsentSource.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return ConsentSourceFactory.class;
    }
}
