package ru.esiaedu.registry;

/** CONTRACT STUB (replaced by the school-registry branch). */
public interface SchoolRegistryProviderFactory extends org.keycloak.provider.ProviderFactory<SchoolRegistryProvider> {}
