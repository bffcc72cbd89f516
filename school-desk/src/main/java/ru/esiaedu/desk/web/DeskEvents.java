package ru.esiaedu.desk.web;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Every write of the desk that went through is also a Keycloak admin event (realm's «Admin events»), resource type
 * {@code SCHOOL_DESK}, with the API path (ids only) and the registry actor; who typed which value stays in the
 * registry's audit, never in Keycloak's events or logs.
 */
final class DeskEvents {

    static final String RESOURCE_TYPE = "SCHOOL_DESK";
    private static final Logger LOG = Logger.getLogger(DeskEvents.class);

    private DeskEvents() {
    }

    static void written(KeycloakSession session, Who.Known known, String method, Response response) {
        if (response.getStatus() >= 300 || known.user() == null) {
            return;
        }
        try {
            RealmModel realm = session.getContext().getRealm();
            ClientModel client = known.client() != null ? known.client() : realm.getClientByClientId(DeskCallers.CLIENT_ID);
            AdminAuth auth = new AdminAuth(realm, known.token(), known.user(), client);
            String path = session.getContext().getUri().getPath();
            int api = path.indexOf("/" + SchoolDeskPaths.ID + "/");
            new AdminEventBuilder(realm, auth, session, session.getContext().getConnection())
                    .operation("PUT".equals(method) ? OperationType.UPDATE : OperationType.ACTION)
                    .resource(RESOURCE_TYPE)
                    .resourcePath(api < 0 ? path : path.substring(api + 1))
                    .detail("actor", known.caller().actor().id())
                    .success();
        } catch (RuntimeException e) {
            // The registry's audit holds the change; a failed event must not undo the school's work.
            LOG.warnf("Desk: admin event not recorded in realm %s (%s)", session.getContext().getRealm().getName(),
                    e.getClass().getName());
        }
    }
}
