package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** {@code POST /aas/oauth2/v3/te} and legacy {@code POST /aas/oauth2/te}: code and refresh-token exchange. */
final class TokenHandler {
    private static final System.Logger LOG = System.getLogger(TokenHandler.class.getName());

    private final ClientRegistry clients;
    private final RequestChecks checks;
    private final CodeStore codes;
    private final UsedStates usedStates;
    private final PersonDirectory persons;
    private final TokenIssuer issuer;
    private final Faults faults;
    private final Duration slowDelay;

    TokenHandler(ClientRegistry clients, RequestChecks checks, CodeStore codes, UsedStates usedStates,
                 PersonDirectory persons, TokenIssuer issuer, Faults faults, Duration slowDelay) {
        this.clients = clients;
        this.checks = checks;
        this.codes = codes;
        this.usedStates = usedStates;
        this.persons = persons;
        this.issuer = issuer;
        this.faults = faults;
        this.slowDelay = slowDelay;
    }

    void handle(Request r, int version) throws IOException {
        Fault fault = faults.take(Fault.Target.TOKEN).orElse(null);
        if (fault == Fault.TOKEN_500) {
            Responses.send(r.exchange, 500, "text/html;charset=UTF-8",
                    "<html><head><title>500 Internal Server Error</title></head><body><h1>500 Internal Server Error</h1></body></html>");
            return;
        }
        if (fault == Fault.TOKEN_GARBAGE) {
            Responses.send(r.exchange, 200, "application/json;charset=UTF-8", "<html><body>Технические работы</body></html>");
            return;
        }
        if (fault == Fault.TOKEN_DOWN) {
            return; // the router closes the exchange without headers: the connection drops
        }
        if (fault == Fault.TOKEN_HUGE) {
            Responses.hugeJson(r.exchange);
            return;
        }
        if (fault == Fault.TOKEN_SLOW && !Sleeper.sleep(slowDelay)) {
            return; // emulator shutting down
        }
        Params p = r.form;
        try {
            ObjectNode body = exchange(p, version, fault);
            if (fault == Fault.TOKEN_TRUNCATED) {
                Responses.truncatedJson(r.exchange, body);
            } else {
                Responses.json(r.exchange, 200, body);
            }
        } catch (EsiaException e) {
            LOG.log(Level.INFO, "{0} {1} -> {2}", r.method, r.path, e.code);
            ObjectNode err = Json.object();
            err.put("error", e.error);
            err.put("error_description", e.description());
            err.put("state", p.get("state"));
            Responses.json(r.exchange, 400, err);
        }
    }

    private ObjectNode exchange(Params p, int version, Fault fault) throws EsiaException {
        RequestChecks.noRepeats(p);
        String clientId = RequestChecks.required(p, "client_id");
        RegisteredClient client = clients.find(clientId).orElseThrow(() -> new EsiaException("invalid_client",
                "ESIA-007002", "Система-клиент не зарегистрирована или для неё не зарегистрирован сертификат"));
        String grantType = RequestChecks.required(p, "grant_type");
        boolean refresh = "refresh_token".equals(grantType);
        if (!refresh && !"authorization_code".equals(grantType)) {
            throw new EsiaException("unsupported_grant_type", "ESIA-007003", "Неверное значение параметра grant_type");
        }
        String state = RequestChecks.state(p);
        String rawTimestamp = RequestChecks.requiredMandatory(p, "timestamp");
        String certHash = version == 3 ? RequestChecks.requiredMandatory(p, "client_certificate_hash") : null;
        String secret = RequestChecks.required(p, "client_secret");
        String redirectUri = RequestChecks.required(p, "redirect_uri");
        String scope = RequestChecks.required(p, "scope");
        String scopeOrg = p.getOrEmpty("scope_org");
        if (!"Bearer".equals(RequestChecks.required(p, "token_type"))) {
            throw EsiaException.invalidRequest("ESIA-007003", "Неверное значение параметра token_type");
        }
        String secretValue = refresh ? RequestChecks.required(p, "refresh_token") : RequestChecks.required(p, "code");
        OffsetDateTime timestamp = RequestChecks.parseTimestamp(rawTimestamp);
        if (version == 3) {
            RequestChecks.certificateHash(client, certHash);
            String signed = clientId + scope + scopeOrg + rawTimestamp + state + redirectUri + (refresh ? "" : secretValue);
            RequestChecks.rawGostSignature(client, signed, secret);
        } else {
            RequestChecks.cmsSignature(client, scope + rawTimestamp + clientId + state, secret);
        }
        checks.timeWithinSkew(timestamp);
        if (!usedStates.firstUse(state)) {
            throw EsiaException.invalidRequest("ESIA-007003", "Параметр state уже использовался: нужен новый UUID");
        }
        Optional<CodeStore.Grant> grant = refresh ? codes.consumeRefreshToken(secretValue) : codes.consumeCode(secretValue);
        if (grant.isEmpty() || !grant.get().request().client().clientId().equals(clientId)) {
            throw new EsiaException("invalid_grant", "ESIA-007011", refresh
                    ? "Маркер обновления недействителен или истёк"
                    : "Авторизационный код недействителен, истёк или уже использован");
        }
        AuthorizationRequest req = grant.get().request();
        if (!req.redirectUri().equals(redirectUri)) {
            throw new EsiaException("invalid_grant", "ESIA-007011", "redirect_uri не совпадает с указанным в запросе на авторизацию");
        }
        List<String> scopes = RequestChecks.scopes(client, scope);
        if (!req.scopes().containsAll(scopes)) {
            throw new EsiaException("invalid_scope", "ESIA-007006", "Запрошенная область доступа шире разрешённой");
        }
        Person person = persons.find(grant.get().oid()).orElseThrow(() ->
                new EsiaException("invalid_grant", "ESIA-007011", "Учётная запись не найдена"));
        String refreshToken = codes.issueRefreshToken(req, person.oid());
        return issuer.response(req, person, refreshToken, state, fault);
    }
}
