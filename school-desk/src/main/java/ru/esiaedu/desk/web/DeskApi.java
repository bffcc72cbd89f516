package ru.esiaedu.desk.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.urls.UrlType;

import ru.esiaedu.desk.access.Caller;
import ru.esiaedu.desk.mail.KeycloakOutcomeMailer;
import ru.esiaedu.desk.service.BadInput;
import ru.esiaedu.desk.service.DeskService;
import ru.esiaedu.login.step.Registry;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.school.CardField;
import ru.esiaedu.registry.school.FieldEdit;
import ru.esiaedu.registry.school.InboxRequestStatus;
import ru.esiaedu.registry.school.Kinship;
import ru.esiaedu.registry.school.SchoolOffice;

/**
 * The desk's JSON API under {@code /realms/{realm}/school-desk/api}: what the pages call and what school systems push
 * (openapi.yaml describes it). Authenticated by the browser's Keycloak session — then every write must carry the
 * {@code X-School-Desk} header and a same-origin {@code Origin}, which a form or a script of another site cannot
 * send — or by a bearer token. Whatever is out of the caller's reach answers 404, exactly like an unknown id.
 */
public final class DeskApi {

    /** The header every cookie-authenticated write carries (a cross-site request cannot set it without CORS). */
    static final String CSRF_HEADER = "X-School-Desk";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(DeskApi.class);

    private final KeycloakSession session;

    DeskApi(KeycloakSession session) {
        this.session = session;
    }

    @FunctionalInterface
    interface Action {
        Response run(DeskService desk, Caller caller) throws RegistryUnavailableException;
    }

    // --- who am I, classes ----------------------------------------------------------------------------------------

    @GET
    @Path("me")
    public Response me() {
        return read((desk, caller) -> ok(Views.Me.of(caller, desk.classes())));
    }

    @GET
    @Path("classes")
    public Response classes() {
        return read((desk, caller) -> ok(Views.ClassRef.of(desk.classes())));
    }

    @GET
    @Path("classes/{classId}/roster")
    public Response roster(@PathParam("classId") String classId) {
        return read((desk, caller) -> found(desk.roster(classId).map(Views.Roster::of)));
    }

    // --- cards ----------------------------------------------------------------------------------------------------

    @GET
    @Path("accounts/{accountId}")
    public Response card(@PathParam("accountId") String accountId) {
        return read((desk, caller) -> found(desk.card(accountId).map(Views.Person::of)));
    }

    @PUT
    @Path("accounts/{accountId}/fields/{field}")
    public Response edit(@PathParam("accountId") String accountId, @PathParam("field") String field, String body) {
        return write((desk, caller) -> {
            Map<String, String> in = body(body);
            FieldEdit edit = new FieldEdit(accountId, field(field), in.getOrDefault("expected", ""), in.get("value"));
            Optional<Response> response = desk.edit(edit).map(result -> {
                // Account ids and actors carry surnames: who edited which card is in the registry's audit only.
                LOG.debugf("Desk edit of field %s: %s", edit.field(), result.getClass().getSimpleName());
                return ok(Views.Edit.of(result));
            });
            return response.orElseGet(DeskApi::notFound);
        });
    }

    @POST
    @Path("students/{studentId}/parents")
    public Response addParent(@PathParam("studentId") String studentId, String body) {
        return write((desk, caller) -> found(desk.addParent(studentId, kinship(body(body).get("kinship")))
                .map(Views.Person::of)));
    }

    @GET
    @Path("accounts/{accountId}/history")
    public Response history(@PathParam("accountId") String accountId, @QueryParam("max") Integer max) {
        return read((desk, caller) -> found(desk.history(accountId, max == null ? 50 : max).map(Views.Audit::of)));
    }

    @GET
    @Path("search")
    public Response search(@QueryParam("text") String text, @QueryParam("role") String role) {
        return read((desk, caller) -> ok(desk.search(role(role), text).stream().map(Views.Person::of).toList()));
    }

    // --- linking --------------------------------------------------------------------------------------------------

    @POST
    @Path("accounts/{accountId}/link")
    public Response link(@PathParam("accountId") String accountId, String body) {
        return write((desk, caller) -> found(desk.link(accountId, body(body).get("esiaOid"))
                .map(result -> Map.of("result", result.name(), "message", Texts.link(result)))));
    }

    @POST
    @Path("accounts/{accountId}/unlink")
    public Response unlink(@PathParam("accountId") String accountId, String body) {
        return write((desk, caller) -> found(desk.unlink(accountId, body(body).get("reason"))
                .map(done -> Map.of("unlinked", done, "message", done ? "Учётная запись Госуслуг отвязана"
                        : "К записи не привязана учётная запись Госуслуг"))));
    }

    // --- the requests inbox ---------------------------------------------------------------------------------------

    @GET
    @Path("requests")
    public Response requests(@QueryParam("status") String status) {
        return read((desk, caller) -> found(desk.requests(status(status)).map(Views.Request::of)));
    }

    @GET
    @Path("requests/{requestId}")
    public Response request(@PathParam("requestId") long requestId) {
        return read((desk, caller) -> found(desk.request(requestId).map(Views.Request::of)));
    }

    @POST
    @Path("requests/{requestId}/link")
    public Response resolve(@PathParam("requestId") long requestId, String body) {
        return write((desk, caller) -> found(desk.resolveByLinking(requestId, body(body).get("accountId"))
                .map(Views.Outcome::of)));
    }

    @POST
    @Path("requests/{requestId}/reject")
    public Response reject(@PathParam("requestId") long requestId, String body) {
        return write((desk, caller) -> found(desk.reject(requestId, body(body).get("comment")).map(Views.Outcome::of)));
    }

    @GET
    @Path("not-me")
    public Response notMe() {
        return read((desk, caller) -> found(desk.notMeReports().map(Views.NotMe::of)));
    }

    // --- the region's operators -----------------------------------------------------------------------------------

    @GET
    @Path("region/requests")
    public Response regionRequests(@QueryParam("status") String status) {
        return read((desk, caller) -> found(desk.requestsWithoutOrganisation(status(status)).map(Views.Request::of)));
    }

    @POST
    @Path("region/requests/{requestId}/assign")
    public Response assign(@PathParam("requestId") long requestId, String body) {
        return write((desk, caller) -> found(desk.assign(requestId, body(body).get("organisationId"))
                .map(done -> Map.of("assigned", done, "message", done ? "Обращение передано в организацию"
                        : "Обращение уже передано или рассмотрено"))));
    }

    // --- bulk import ---------------------------------------------------------------------------------------------

    /** Starts a dry run ({@code dryRun=true}, the default) or the import of a CSV file (the request body). */
    @POST
    @Path("import")
    public Response startImport(@QueryParam("dryRun") String dryRun, byte[] file) {
        boolean plan = dryRun == null || !"false".equalsIgnoreCase(dryRun);
        return write((desk, caller) -> new DeskImports(session).start(desk, caller, file, plan));
    }

    @GET
    @Path("import/{taskId}")
    public Response importStatus(@PathParam("taskId") String taskId) {
        return read((desk, caller) -> new DeskImports(session).status(caller, taskId));
    }

    // --- plumbing -------------------------------------------------------------------------------------------------

    Response read(Action action) {
        return call(false, action);
    }

    Response write(Action action) {
        return call(true, action);
    }

    private Response call(boolean write, Action action) {
        try {
            SchoolOffice office = office();
            if (office == null) {
                return error(Response.Status.SERVICE_UNAVAILABLE, "registry_unavailable");
            }
            Who who = new DeskCallers(session).resolve(office);
            if (who instanceof Who.Nobody) {
                return error(Response.Status.UNAUTHORIZED, "unauthorized");
            }
            if (who instanceof Who.Refused refused) {
                return error(Response.Status.FORBIDDEN, refused.reason().name());
            }
            Who.Known known = (Who.Known) who;
            if (write && known.byCookie() && !sameOriginWithHeader()) {
                return error(Response.Status.FORBIDDEN, "csrf");
            }
            DeskService desk = new DeskService(office, known.caller(),
                    new KeycloakOutcomeMailer(session, session.getContext().getRealm()));
            Response response = action.run(desk, known.caller());
            if (write) {
                DeskEvents.written(session, known, session.getContext().getHttpRequest().getHttpMethod(), response);
            }
            return response;
        } catch (BadInput e) {
            return error(Response.Status.BAD_REQUEST, e.code());
        } catch (RegistryUnavailableException e) {
            LOG.warnf("Desk: registry unavailable in realm %s (%s)", session.getContext().getRealm().getName(),
                    e.getClass().getSimpleName());
            return error(Response.Status.SERVICE_UNAVAILABLE, "registry_unavailable");
        }
    }

    private SchoolOffice office() throws RegistryUnavailableException {
        return Registry.of(session).office().orElse(null);
    }

    /** The custom header, and an {@code Origin} of this server (its request or frontend URL). */
    private boolean sameOriginWithHeader() {
        var headers = session.getContext().getRequestHeaders();
        if (headers.getHeaderString(CSRF_HEADER) == null) {
            return false;
        }
        String origin = headers.getHeaderString("Origin");
        if (origin == null) {
            return false;
        }
        return origin.equals(origin(session.getContext().getUri().getBaseUri()))
                || origin.equals(origin(session.getContext().getUri(UrlType.FRONTEND).getBaseUri()));
    }

    static String origin(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(uri.getScheme()) && port == 80)
                || ("https".equals(uri.getScheme()) && port == 443);
        return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
    }

    static Map<String, String> body(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> raw = JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
            Map<String, String> values = new java.util.HashMap<>();
            raw.forEach((key, value) -> values.put(key, value == null ? null : value.toString()));
            return values;
        } catch (IOException e) {
            throw new BadInput("bad_json");
        }
    }

    static CardField field(String name) {
        try {
            return CardField.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadInput("unknown_field");
        }
    }

    static Kinship kinship(String name) {
        try {
            return Kinship.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadInput("unknown_kinship");
        }
    }

    static RegistryRole role(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return RegistryRole.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInput("unknown_role");
        }
    }

    static InboxRequestStatus status(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return InboxRequestStatus.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInput("unknown_status");
        }
    }

    static Response ok(Object view) {
        return json(Response.Status.OK, view);
    }

    static Response found(Optional<?> view) {
        return view.<Response>map(DeskApi::ok).orElseGet(DeskApi::notFound);
    }

    static Response notFound() {
        return error(Response.Status.NOT_FOUND, "not_found");
    }

    static Response error(Response.Status status, String code) {
        return json(status, new Views.Error(code, Texts.reason(code)));
    }

    static Response json(Response.Status status, Object view) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                    .entity(JSON.writeValueAsString(view)).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
