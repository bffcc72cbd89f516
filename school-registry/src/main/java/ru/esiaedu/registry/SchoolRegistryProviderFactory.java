package ru.esiaedu.registry;

import org.keycloak.provider.ProviderFactory;

public interface SchoolRegistryProviderFactory extends ProviderFactory<SchoolRegistryProvider> {}
