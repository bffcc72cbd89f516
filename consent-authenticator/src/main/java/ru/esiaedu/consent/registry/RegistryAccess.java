package ru.esiaedu.consent.registry;

import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/** How the registry source reaches the registry: Keycloak's provider at runtime, a fake in tests. */
@FunctionalInterface
public interface RegistryAccess {

    /** @throws RegistryUnavailableException also when no registry provider is configured */
    SchoolRegistryProvider get() throws RegistryUnavailableException;
}
