package ru.esiaedu.desk;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

import ru.esiaedu.desk.web.DeskEndpoint;

/** Hands {@code /realms/{realm}/school-desk} to {@link DeskEndpoint}. */
final class SchoolDeskResource implements RealmResourceProvider {

    private final KeycloakSession session;

    SchoolDeskResource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new DeskEndpoint(session);
    }

    @Override
    public void close() {
    }
}
