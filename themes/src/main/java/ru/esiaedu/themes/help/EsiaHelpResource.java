package ru.esiaedu.themes.help;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/**
 * Hands {@code /realms/{realm}/esia-help} to {@link EsiaHelpPage}. The JAX-RS methods live in that separate plain
 * class: Keycloak 26.7's RESTEasy Reactive looks sub-resources up by class and falls back to the interfaces, and
 * for a class implementing {@link RealmResourceProvider} it found the interface's (empty) method table and answered
 * 405 with «Allow: HEAD, OPTIONS».
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
