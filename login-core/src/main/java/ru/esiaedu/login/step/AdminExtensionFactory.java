package ru.esiaedu.login.step;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/**
 * What every admin REST extension of the login steps shares ({@code /admin/realms/{realm}/<id>}): a stateless
 * factory that is its own provider, with no lifecycle work. Subclasses name the path and build the resource.
 */
public abstract class AdminExtensionFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider {

    @Override
    public final AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
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
