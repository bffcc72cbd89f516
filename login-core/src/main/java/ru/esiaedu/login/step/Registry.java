package ru.esiaedu.login.step;

import org.keycloak.models.KeycloakSession;

import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/** The one place that asks Keycloak for the school registry: no provider configured counts as "down". */
public final class Registry {

    private Registry() {
    }

    public static SchoolRegistryProvider of(KeycloakSession session) throws RegistryUnavailableException {
        SchoolRegistryProvider provider = session.getProvider(SchoolRegistryProvider.class);
        if (provider == null) {
            throw new RegistryUnavailableException("no school-registry provider", null);
        }
        return provider;
    }
}
