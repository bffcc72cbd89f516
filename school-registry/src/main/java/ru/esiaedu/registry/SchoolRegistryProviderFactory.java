package ru.esiaedu.registry;

/** Contract stub (to be replaced by the school-registry branch). */
public interface SchoolRegistryProviderFactory extends org.keycloak.provider.ProviderFactory<SchoolRegistryProvider> {
}
