package ru.esiaedu.desk.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;

import ru.esiaedu.login.step.Registry;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.school.SchoolOffice;

/**
 * {@code /realms/{realm}/school-desk/}: the school's pages (one shell whose script renders the class page
 * «Вход через ЕСИА: 5А», the requests inbox, the region's requests and the import), the sign-in round trip through
 * the realm's login, the page's script and styles, the OpenAPI document, and the JSON API under {@code api/}.
 */
public final class DeskEndpoint {

    private static final Logger LOG = Logger.getLogger(DeskEndpoint.class);
    private static final Map<String, String> STATIC = Map.of("desk.js", "text/javascript; charset=UTF-8",
            "desk.css", "text/css; charset=UTF-8");

    private final KeycloakSession session;

    public DeskEndpoint(KeycloakSession session) {
        this.session = session;
    }

    @GET
    public Response home() {
        return page("");
    }

    @GET
    @Path("classes/{classId}")
    public Response classPage(@PathParam("classId") String classId) {
        return page("classes/" + classId);
    }

    @GET
    @Path("requests")
    public Response requestsPage() {
        return page("requests");
    }

    @GET
    @Path("region")
    public Response regionPage() {
        return page("region");
    }

    @GET
    @Path("import")
    public Response importPage() {
        return page("import");
    }

    @GET
    @Path("login")
    public Response login(@QueryParam("return") String returnPath, @QueryParam("again") String again) {
        return new DeskLogin(session).start(returnPath, again != null);
    }

    @GET
    @Path("callback")
    public Response callback(@QueryParam("state") String state, @QueryParam("error") String error,
            @CookieParam(DeskLogin.STATE_COOKIE) Cookie stateCookie) {
        DeskLogin login = new DeskLogin(session);
        String returnPath = login.returnPathIfStateMatches(state, stateCookie);
        if (returnPath == null) {
            return Response.fromResponse(Pages.message(deskPath(), Response.Status.BAD_REQUEST, "Вход не завершён",
                    "Ссылка входа устарела или открыта в другом браузере. Войдите ещё раз.", deskPath() + "login",
                    "Войти")).build();
        }
        if (error != null) {
            return Response.fromResponse(Pages.message(deskPath(), Response.Status.UNAUTHORIZED, "Вход не выполнен",
                    "Вход через Госуслуги не завершён. Попробуйте ещё раз.", deskPath() + "login?return=" + returnPath,
                    "Войти")).cookie(login.clearState()).build();
        }
        // returnPath is one of the desk's own pages (DeskLogin.safeReturn): no open redirect
        return Response.seeOther(java.net.URI.create(login.desk().build() + "/" + returnPath)).cookie(login.clearState())
                .build();
    }

    @GET
    @Path("static/{name}")
    public Response staticFile(@PathParam("name") String name) {
        String type = STATIC.get(name);
        if (type == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return Response.ok(Pages.resource(name)).type(type).header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("openapi.yaml")
    public Response openApi() {
        try (InputStream in = DeskEndpoint.class.getResourceAsStream("/school-desk/openapi.yaml")) {
            return Response.ok(in.readAllBytes()).type("application/yaml; charset=UTF-8").build();
        } catch (IOException | NullPointerException e) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
    }

    @Path("api")
    public DeskApi api() {
        return new DeskApi(session);
    }

    private Response page(String returnPath) {
        String desk = deskPath();
        try {
            SchoolOffice office = Registry.of(session).office().orElse(null);
            if (office == null) {
                return unavailable(desk);
            }
            Who who = new DeskCallers(session).byCookie(office);
            if (who instanceof Who.Nobody) {
                return new DeskLogin(session).start(returnPath, false);
            }
            if (who instanceof Who.Refused refused && refused.reason() == Who.Reason.NO_POSITION) {
                return Pages.message(desk, Response.Status.FORBIDDEN, "Учётная запись сотрудника не найдена",
                        "В электронном журнале у вашей учётной записи нет должности, дающей доступ к этой странице."
                        + " Следует обратиться к администратору системы вашей образовательной организации.",
                        desk + "login?again=1", "Войти с другой учётной записью");
            }
            if (who instanceof Who.Refused) {
                return Pages.message(desk, Response.Status.FORBIDDEN, "Только для педагогов и сотрудников",
                        "Вы вошли не как сотрудник образовательной организации. Войдите через Госуслуги с ролью"
                        + " «Вход для педагогов и сотрудников».", desk + "login?again=1&return=" + returnPath,
                        "Войти как сотрудник");
            }
            return Pages.shell(desk);
        } catch (RegistryUnavailableException e) {
            LOG.warnf("Desk page: registry unavailable in realm %s", session.getContext().getRealm().getName());
            return unavailable(desk);
        }
    }

    private static Response unavailable(String desk) {
        return Pages.message(desk, Response.Status.SERVICE_UNAVAILABLE, "Электронный журнал временно недоступен",
                "Данные сейчас нельзя открыть. Повторите через несколько минут.", desk, "Повторить");
    }

    /** {@code /realms/{realm}/school-desk/} as the browser sees it. */
    private String deskPath() {
        return new DeskLogin(session).desk().build().getRawPath() + "/";
    }
}
