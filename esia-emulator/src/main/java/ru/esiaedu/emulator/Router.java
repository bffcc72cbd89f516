package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;

/** The one HttpServer handler: records the request, applies the DOWN fault, dispatches by method and path. */
final class Router implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    private final AuthorizationHandler authorization;
    private final LoginHandler login;
    private final TokenHandler token;
    private final PersonApiHandler personApi;
    private final LogoutHandler logout;
    private final AdminHandler admin;
    private final ConsentApiHandler consentApi;
    private final ProfileHandler profile;
    private final Faults faults;
    private final RequestLog log;
    private final Clock clock;

    Router(AuthorizationHandler authorization, LoginHandler login, TokenHandler token, PersonApiHandler personApi,
           LogoutHandler logout, AdminHandler admin, ConsentApiHandler consentApi, ProfileHandler profile,
           Faults faults, RequestLog log, Clock clock) {
        this.authorization = authorization;
        this.login = login;
        this.token = token;
        this.personApi = personApi;
        this.logout = logout;
        this.admin = admin;
        this.consentApi = consentApi;
        this.profile = profile;
        this.faults = faults;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            Request r;
            try {
                r = Request.read(ex);
            } catch (IllegalArgumentException e) {
                Responses.send(ex, 400, "text/plain;charset=UTF-8", "malformed request");
                return;
            }
            boolean control = r.path.startsWith("/__emulator/");
            if (!control) {
                log.add(new RecordedRequest(r.method, r.path, merged(r), clock.instant()));
                if (faults.take(Fault.Target.ANY).isPresent()) {
                    LOG.log(Level.INFO, "{0} {1} -> fault DOWN", r.method, r.path);
                    return; // closing without headers drops the connection
                }
            }
            dispatch(r);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "client went away: {0}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "internal error on " + ex.getRequestURI().getPath(), e);
            ObjectNode err = Json.object();
            err.put("error", "server_error");
            err.put("error_description", "ESIA-007007: Внутренняя ошибка");
            try {
                Responses.json(ex, 500, err);
            } catch (IOException | RuntimeException ignored) {
                // headers may already be out; nothing more to do
            }
        } finally {
            ex.close();
        }
    }

    private void dispatch(Request r) throws IOException {
        String m = r.method;
        String p = r.path;
        if (p.equals("/aas/oauth2/v2/ac") && m.equals("GET")) {
            authorization.handle(r, 2);
        } else if (p.equals("/aas/oauth2/ac") && m.equals("GET")) {
            authorization.handle(r, 1);
        } else if (p.equals(LoginHandler.LOGIN_PATH) && m.equals("POST")) {
            login.login(r);
        } else if (p.equals(LoginHandler.LOGIN_PATH) && m.equals("GET")) {
            login.page(r);
        } else if (p.equals(LoginHandler.CONSENT_PATH) && m.equals("POST")) {
            login.consent(r);
        } else if (p.equals("/aas/oauth2/v3/te") && m.equals("POST")) {
            token.handle(r, 3);
        } else if (p.equals("/aas/oauth2/te") && m.equals("POST")) {
            token.handle(r, 1);
        } else if (p.startsWith(PersonApiHandler.PREFIX) && m.equals("GET")) {
            personApi.handle(r);
        } else if (p.equals("/idp/ext/Logout") && m.equals("GET")) {
            logout.handle(r);
        } else if (p.startsWith(ConsentApiHandler.PREFIX)) {
            consentApi.handle(r);
        } else if (p.equals(ProfileHandler.PREFIX) || p.startsWith(ProfileHandler.PREFIX + "/")) {
            profile.handle(r);
        } else if (p.equals(AdminHandler.FAULTS_PATH)) {
            admin.faults(r);
        } else if (p.startsWith(AdminHandler.CONSENTS_PREFIX)) {
            admin.consents(r);
        } else {
            ObjectNode err = Json.object();
            err.put("error", "not_found");
            err.put("path", p);
            Responses.json(r.exchange, 404, err);
        }
    }

    /** Query and form parameters together, never the password. */
    private static java.util.Map<String, String> merged(Request r) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>(r.query.firstValuesWithout("password"));
        m.putAll(r.form.firstValuesWithout("password"));
        return java.util.Collections.unmodifiableMap(m);
    }
}
