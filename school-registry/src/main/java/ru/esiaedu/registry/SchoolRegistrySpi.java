package ru.esiaedu.registry;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** Keycloak SPI {@value #NAME}: options are {@code --spi-school-registry--<provider>--<option>}. */
public final class SchoolRegistrySpi implements Spi {

    public static final String NAME = "school-registry";

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
        return SchoolRegistryProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return SchoolRegistryProviderFactory.class;
    }
}
