package ru.esiaedu.consent.registry.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import ru.esiaedu.consent.access.KeycloakStudentSessions;
import ru.esiaedu.consent.registry.RegistryAccess;
import ru.esiaedu.registry.RegistryUnavailableException;

/**
 * {@code /admin/realms/{realm}/esia-consents}: the consents of the registry source for realm admins who may view
 * users ({@code view-users} or {@code manage-users}, or a fine-grained permission to view users). Read only.
 * <ul>
 *   <li>{@code GET ?student=&first=0&max=100} — JSON list, newest first;</li>
 *   <li>{@code GET /export.csv?student=&first=0&max=10000} — the same as CSV (attachment);</li>
 *   <li>{@code POST /erasure} {@code {"student": "<account id>", "reason": "…"}} — erase a student's consent data on
 *       the person's request ({@code manage-users}; see {@link ConsentErasure}).</li>
 * </ul>
 * One registry serves every realm of the server: a realm's admin sees only the consents for that realm's clients
 * (a consent names the client it was given for; client ids must therefore differ between realms sharing a registry).
 */
public final class ConsentAdminResource {

    private static final Logger LOG = Logger.getLogger(ConsentAdminResource.class);
    static final String CSV = "text/csv; charset=UTF-8";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final RegistryAccess registry;

    ConsentAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, RegistryAccess registry) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.registry = registry;
    }

    /** The body of {@code POST /erasure}. */
    public record ErasureBody(String student, String reason) {
    }

    /**
     * Erases one student's consent data for this realm's client systems on the person's request. Needs
     * {@code manage-users}: viewing the records is not enough to change them.
     */
    @POST
    @Path("erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response erase(ErasureBody body) {
        auth.users().requireManage();
        ConsentErasure.Order order;
        try {
            order = ConsentErasure.Order.of(body == null ? null : body.student(), body == null ? null : body.reason());
        } catch (ConsentQuery.InvalidQueryException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        String by = "admin:" + auth.adminAuth().getUser().getId();
        Set<String> clients = realm.getClientsStream().map(ClientModel::getClientId).collect(Collectors.toSet());
        try {
            return ConsentErasure.run(registry.get(), clients, new KeycloakStudentSessions(session, realm), by, order)
                    .map(result -> {
                        LOG.infof("Consent data of a student erased on request by admin user %s of realm %s for realm "
                                + "%s: %d request(s) removed, %d consent(s) revoked, %d record(s) kept with the reason",
                                auth.adminAuth().getUser().getId(), auth.adminAuth().getRealm().getName(), realm.getName(),
                                result.requestsDeleted(), result.consentsRevoked(), result.consentsKept());
                        return Response.ok(result.asJson(), MediaType.APPLICATION_JSON_TYPE).build();
                    })
                    .orElseGet(() -> Response.status(Response.Status.NOT_IMPLEMENTED).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("error", "not_supported",
                                    "error_description", "this school registry cannot erase consent data"))
                            .build());
        } catch (RegistryUnavailableException e) {
            return unavailable(e);
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("student") String student, @QueryParam("first") Integer first,
                         @QueryParam("max") Integer max) {
        auth.users().requireView();
        ConsentQuery query;
        try {
            query = ConsentQuery.page(student, first, max);
        } catch (ConsentQuery.InvalidQueryException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        try {
            List<ConsentRecordView> records = ConsentListing.page(registry.get(), realmClients(), query);
            return Response.ok(records, MediaType.APPLICATION_JSON_TYPE).build();
        } catch (RegistryUnavailableException e) {
            return unavailable(e);
        }
    }

    @GET
    @Path("export.csv")
    @Produces(CSV)
    public Response export(@QueryParam("student") String student, @QueryParam("first") Integer first,
                           @QueryParam("max") Integer max) {
        auth.users().requireView();
        ConsentQuery query;
        try {
            query = ConsentQuery.export(student, first, max);
        } catch (ConsentQuery.InvalidQueryException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        List<ConsentRecordView> records;
        try {
            records = ConsentListing.export(registry.get(), realmClients(), query);
        } catch (RegistryUnavailableException e) {
            return unavailable(e);
        }
        LOG.infof("Consent records exported as CSV by admin user %s of realm %s for realm %s: %d record(s)",
                auth.adminAuth().getUser().getId(), auth.adminAuth().getRealm().getName(), realm.getName(),
                records.size());
        return Response.ok(ConsentCsv.write(records), CSV)
                .header("Content-Disposition", "attachment; filename=\"esia-consents-" + realm.getName().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
                .build();
    }

    private Predicate<String> realmClients() {
        Set<String> clientIds = realm.getClientsStream().map(ClientModel::getClientId).collect(Collectors.toSet());
        return clientIds::contains;
    }

    private Response unavailable(RegistryUnavailableException e) {
        LOG.warnf("School registry unavailable for the consent admin endpoint (realm %s): %s", realm.getName(),
                e.getClass().getSimpleName());
        return error(Response.Status.SERVICE_UNAVAILABLE, "school registry unavailable");
    }

    private static Response error(Response.Status status, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", status == Response.Status.BAD_REQUEST ? "invalid_request" : "school_registry_unavailable",
                        "error_description", description))
                .build();
    }
}
