package ru.esiaedu.themes.help;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves the help page at {@code /realms/{realm}/esia-help} (the id is the path segment). */
public final class EsiaHelpResourceFactory implements RealmResourceProviderFactory {

    public static final String ID = "esia-help";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new EsiaHelpResource(session);
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
        return ID;
    }
}
