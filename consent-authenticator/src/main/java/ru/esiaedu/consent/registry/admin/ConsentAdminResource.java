package ru.esiaedu.consent.registry.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import ru.esiaedu.consent.registry.RegistryAccess;
import ru.esiaedu.registry.RegistryUnavailableException;

/**
 * {@code /admin/realms/{realm}/esia-consents}: the consents of the registry source for realm admins who may view
 * users ({@code view-users} or {@code manage-users}, or a fine-grained permission to view users). Read only.
 * <ul>
 *   <li>{@code GET ?student=&first=0&max=100} — JSON list, newest first;</li>
 *   <li>{@code GET /export.csv?student=&first=0&max=10000} — the same as CSV (attachment).</li>
 * </ul>
 * One registry serves every realm of the server: a realm's admin sees only the consents for that realm's clients
 * (a consent names the client it was given for; client ids must therefore differ between realms sharing a registry).
 */
public final class ConsentAdminResource {

    private static final Logger LOG = Logger.getLogger(ConsentAdminResource.class);
    static final String CSV = "text/csv; charset=UTF-8";

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final RegistryAccess registry;

    ConsentAdminResource(RealmModel realm, AdminPermissionEvaluator auth, RegistryAccess registry) {
        this.realm = realm;
        this.auth = auth;
        this.registry = registry;
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
