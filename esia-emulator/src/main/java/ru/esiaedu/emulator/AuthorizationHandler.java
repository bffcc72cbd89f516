package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /aas/oauth2/v2/ac} and legacy {@code GET /aas/oauth2/ac}: validates the signed request in
 * ESIA's order, then shows the login page (or continues an SSO session).
 */
final class AuthorizationHandler {
    private static final System.Logger LOG = System.getLogger(AuthorizationHandler.class.getName());

    private final ClientRegistry clients;
    private final RequestChecks checks;
    private final PendingAuthorizations pending;
    private final SessionStore sessions;
    private final PersonDirectory persons;
    private final LoginFlow flow;
    private final LoginPage pages;
    private final UsedStates usedStates;

    AuthorizationHandler(ClientRegistry clients, RequestChecks checks, PendingAuthorizations pending,
                         SessionStore sessions, PersonDirectory persons, LoginFlow flow, LoginPage pages,
                         UsedStates usedStates) {
        this.usedStates = usedStates;
        this.clients = clients;
        this.checks = checks;
        this.pending = pending;
        this.sessions = sessions;
        this.persons = persons;
        this.flow = flow;
        this.pages = pages;
    }

    void handle(Request r, int version) throws IOException {
        Params p = r.query;
        // Until client and redirect_uri are known to be good, errors cannot be sent back: show a page.
        String clientId = p.get("client_id");
        if (clientId == null || clientId.isEmpty()) {
            errorPage(r, "ESIA-007003", "В запросе отсутствует обязательный параметр client_id");
            return;
        }
        Optional<RegisteredClient> found = clients.find(clientId);
        if (found.isEmpty()) {
            errorPage(r, "ESIA-007002", "Система-клиент не зарегистрирована или для неё не зарегистрирован сертификат");
            return;
        }
        RegisteredClient client = found.get();
        String redirectUri = p.get("redirect_uri");
        if (redirectUri == null || redirectUri.isEmpty()) {
            errorPage(r, "ESIA-007003", "В запросе отсутствует обязательный параметр redirect_uri");
            return;
        }
        if (!client.redirectAllowed(redirectUri)) {
            errorPage(r, "ESIA-007023", "Указанный адрес возврата (redirect_uri) не зарегистрирован для системы-клиента");
            return;
        }
        AuthorizationRequest request;
        try {
            request = validate(p, version, client, redirectUri);
        } catch (EsiaException e) {
            LOG.log(Level.INFO, "{0} {1} -> {2}", r.method, r.path, e.code);
            Responses.redirect(r.exchange, ErrorRedirects.to(redirectUri, e, p.get("state")));
            return;
        }
        usedStates.remember(request.state()); // the token request must then bring a different state
        PendingAuthorizations.Pending waiting = pending.create(request);
        Optional<Person> ssoPerson = sessions.find(r.cookie(SessionStore.COOKIE)).flatMap(persons::find)
                .filter(person -> !person.deleted());
        if (ssoPerson.isPresent()) {
            flow.afterLogin(r.exchange, pending.loggedIn(waiting, ssoPerson.get().oid()), ssoPerson.get());
        } else {
            Responses.html(r.exchange, 200, pages.login(waiting, null));
        }
    }

    private AuthorizationRequest validate(Params p, int version, RegisteredClient client, String redirectUri)
            throws EsiaException {
        RequestChecks.noRepeats(p);
        String state = RequestChecks.state(p);
        String rawTimestamp = RequestChecks.requiredMandatory(p, "timestamp");
        String certHash = version == 2 ? RequestChecks.requiredMandatory(p, "client_certificate_hash") : null;
        String secret = RequestChecks.required(p, "client_secret");
        String responseType = RequestChecks.required(p, "response_type");
        if (!"code".equals(responseType)) {
            throw EsiaException.invalidRequest("ESIA-007003", "Неверное значение параметра response_type");
        }
        String accessType = RequestChecks.required(p, "access_type");
        if (!"online".equals(accessType) && !"offline".equals(accessType)) {
            throw EsiaException.invalidRequest("ESIA-007003", "Неверное значение параметра access_type");
        }
        OffsetDateTime timestamp = RequestChecks.parseTimestamp(rawTimestamp);
        String scope = p.getOrEmpty("scope");
        String scopeOrg = p.getOrEmpty("scope_org");
        String clientId = client.clientId();
        if (version == 2) {
            RequestChecks.certificateHash(client, certHash);
            RequestChecks.rawGostSignature(client, clientId + scope + scopeOrg + rawTimestamp + state + redirectUri, secret);
        } else {
            RequestChecks.cmsSignature(client, scope + rawTimestamp + clientId + state, secret);
        }
        checks.timeWithinSkew(timestamp);
        List<String> scopes = RequestChecks.scopes(client, scope);
        String permissions = p.get("permissions");
        if (permissions != null && !permissions.isEmpty()) {
            checkPermissions(permissions, scopes);
        }
        return new AuthorizationRequest(version, client, scope, scopes, scopeOrg, state, redirectUri, accessType,
                p.get("person_filter"), permissions);
    }

    /** permissions: unpadded base64url of a JSON array; ESIA then requires the openid scope. */
    private static void checkPermissions(String permissions, List<String> scopes) throws EsiaException {
        byte[] raw = Base64Url.decodeLenient(permissions);
        JsonNode node = null;
        try {
            node = raw == null ? null : Json.MAPPER.readTree(raw);
        } catch (IOException ignored) {
            // reported below
        }
        if (node == null || !node.isArray()) {
            throw EsiaException.invalidRequest("ESIA-007003", "Неверное значение параметра permissions");
        }
        if (!scopes.contains("openid")) {
            throw new EsiaException("invalid_scope", "ESIA-007013", "Для запроса согласий нужна область доступа openid");
        }
    }

    private void errorPage(Request r, String code, String text) throws IOException {
        LOG.log(Level.INFO, "{0} {1} -> {2}", r.method, r.path, code);
        Responses.html(r.exchange, 400, pages.error(code, text));
    }
}
