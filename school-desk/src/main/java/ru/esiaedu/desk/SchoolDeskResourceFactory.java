package ru.esiaedu.desk;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import ru.esiaedu.desk.web.SchoolDeskPaths;

/** Serves the school's pages and API at {@code /realms/{realm}/school-desk} (the id is the path segment). */
public final class SchoolDeskResourceFactory implements RealmResourceProviderFactory {

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new SchoolDeskResource(session);
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

    @Override
    public String getId() {
        return SchoolDeskPaths.ID;
    }
}
