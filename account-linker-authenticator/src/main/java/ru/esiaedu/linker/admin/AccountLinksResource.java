package ru.esiaedu.linker.admin;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserManager;
import org.keycloak.models.UserModel;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import ru.esiaedu.login.LoginNotes;
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
 *   <li>{@code POST /erasure} {@code {"esiaOid": "…"} or {"userId": "…"}, "reason": "…"} — forget one ESIA person of
 *       this realm on their request ({@link PersonErasure}): 200 with counts, 400 for a bad body, 404 when this realm
 *       has no ESIA user of that oid / id, 503 when the registry is down (nothing of Keycloak's is deleted then).</li>
 * </ul>
 */
public final class AccountLinksResource {

    private static final Logger LOG = Logger.getLogger(AccountLinksResource.class);
    static final int MAX_REASON = 300;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final RegistrySupplier registry;

    /** The registry, asked for only when a request needs it. */
    @FunctionalInterface
    interface RegistrySupplier {
        SchoolRegistryProvider get() throws RegistryUnavailableException;
    }

    AccountLinksResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                         AdminEventBuilder adminEvent, RegistrySupplier registry) {
        this.session = session;
        this.realm = realm;
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

    /** The body of {@code POST /erasure}. */
    public record ErasureBody(String esiaOid, String userId, String reason) {
    }

    @POST
    @Path("erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response erase(ErasureBody body) {
        auth.users().requireManage();
        PersonErasure.Order order;
        try {
            order = PersonErasure.Order.of(body == null ? null : body.esiaOid(), body == null ? null : body.userId(),
                    body == null ? null : body.reason());
        } catch (PersonErasure.InvalidOrderException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        // Only a person of this realm: through a registry shared by several realms, one realm's admin must not
        // forget another realm's people.
        UserModel user = order.userId() != null
                ? session.users().getUserById(realm, order.userId())
                : session.users().getUserByFederatedIdentity(realm,
                        new FederatedIdentityModel(LoginNotes.ESIA_ALIAS, order.esiaOid(), null));
        FederatedIdentityModel identity = user == null ? null
                : session.users().getFederatedIdentity(realm, user, LoginNotes.ESIA_ALIAS);
        if (identity == null || identity.getUserId() == null || identity.getUserId().isBlank()) {
            return error(Response.Status.NOT_FOUND, "this realm has no ESIA user of that esiaOid or userId");
        }
        String adminId = auth.adminAuth().getUser().getId();
        String userId = user.getId();
        PersonErasure.Result result;
        try {
            List<String> clients = realm.getClientsStream().map(ClientModel::getClientId).toList();
            result = PersonErasure.run(registry.get(), clients, identity.getUserId(), "admin:" + adminId,
                    order.reason(), () -> new UserManager(session).removeUser(realm, user));
        } catch (RegistryUnavailableException e) {
            LOG.warnf("esia-links: erasure postponed, school registry unavailable (%s)", e.getClass().getSimpleName());
            return error(Response.Status.SERVICE_UNAVAILABLE, "the school registry is unavailable; nothing was deleted");
        }
        LOG.infof("esia-links: an ESIA person was erased on request by admin %s of realm '%s' in realm '%s': "
                        + "%d account(s) unlinked, %d access request(s) deleted, %d consent record(s) kept",
                adminId, auth.adminAuth().getRealm().getName(), realm.getName(), result.accountsUnlinked(),
                result.accessRequestsDeleted(), result.consentsKept());
        adminEvent.operation(OperationType.DELETE).resource(ResourceType.USER)
                .resourcePath("users", userId).success();
        return Response.ok(result.asJson()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).entity(Map.of("error", message)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
