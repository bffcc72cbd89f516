package ru.esiaedu.linker.admin;

import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/**
 * {@code /admin/realms/{realm}/esia-links}: undoing a wrong link between an ESIA person and a school account, for realm
 * admins who may manage users.
 * <ul>
 *   <li>{@code DELETE /{accountId}?reason=…} — the account is free again for its real owner; the registry keeps the
 *       link's record with who undid it ({@code admin:<user id>}), when and why; an admin event is written.
 *       204, or 404 when the account is not linked to anybody.</li>
 * </ul>
 */
public final class AccountLinksResource {

    private static final Logger LOG = Logger.getLogger(AccountLinksResource.class);
    static final int MAX_REASON = 300;

    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final RegistrySupplier registry;

    /** The registry, asked for only when a request needs it. */
    @FunctionalInterface
    interface RegistrySupplier {
        SchoolRegistryProvider get() throws RegistryUnavailableException;
    }

    AccountLinksResource(AdminPermissionEvaluator auth, AdminEventBuilder adminEvent, RegistrySupplier registry) {
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.registry = registry;
    }

    @DELETE
    @Path("{accountId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unlink(@PathParam("accountId") String accountId, @QueryParam("reason") String reason) {
        auth.users().requireManage();
        if (reason != null && reason.strip().length() > MAX_REASON) {
            return error(Response.Status.BAD_REQUEST, "reason is longer than " + MAX_REASON + " characters");
        }
        try {
            SchoolRegistryProvider provider = registry.get();
            String oid = provider.findById(accountId).map(RegistryAccount::esiaOid).orElse(null);
            if (oid == null || !provider.unlink(accountId, oid, "admin:" + auth.adminAuth().getUser().getId(), reason)) {
                return error(Response.Status.NOT_FOUND, "the account is not linked to an ESIA person");
            }
        } catch (RegistryUnavailableException e) {
            LOG.warnf("esia-links: school registry unavailable (%s)", e.getClass().getSimpleName());
            return error(Response.Status.SERVICE_UNAVAILABLE, "the school registry is unavailable");
        }
        adminEvent.operation(OperationType.DELETE).resource(ResourceType.CUSTOM)
                .resourcePath("esia-links", accountId).success();
        return Response.noContent().build();
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).entity(Map.of("error", message)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
