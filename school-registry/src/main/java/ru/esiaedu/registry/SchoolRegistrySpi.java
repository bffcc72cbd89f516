package ru.esiaedu.registry;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** Contract stub (to be replaced by the school-registry branch). */
public final class SchoolRegistrySpi implements Spi {
    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return "school-registry";
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
