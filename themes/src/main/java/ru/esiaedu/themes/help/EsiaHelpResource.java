package ru.esiaedu.themes.help;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/**
 * Hands {@code /realms/{realm}/esia-help} to {@link EsiaHelpPage}, a plain JAX-RS class (see there why it needs a
 * {@code @Path} method to be found at all on Keycloak 26.7).
 */
public final class EsiaHelpResource implements RealmResourceProvider {

    private final KeycloakSession session;

    public EsiaHelpResource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new EsiaHelpPage(session);
    }

    @Override
    public void close() {
    }
}
