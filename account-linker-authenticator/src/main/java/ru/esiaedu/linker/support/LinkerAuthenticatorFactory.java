package ru.esiaedu.linker.support;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * What every factory of this module shares: stateless authenticators (no lifecycle work) that never
 * set up a user themselves. Subclasses keep only what is theirs: id, texts, requirements, settings.
 */
public abstract class LinkerAuthenticatorFactory implements AuthenticatorFactory {

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
