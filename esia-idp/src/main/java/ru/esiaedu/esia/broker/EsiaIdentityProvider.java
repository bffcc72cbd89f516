package ru.esiaedu.esia.broker;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.keycloak.broker.oidc.AbstractOAuth2IdentityProvider;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.social.SocialIdentityProvider;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.resources.IdentityBrokerService;
import org.keycloak.services.resources.RealmsResource;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.Booleans;

import ru.esiaedu.esia.api.EsiaHttp;
import ru.esiaedu.esia.api.EsiaPersonClient;
import ru.esiaedu.esia.api.EsiaTokenClient;
import ru.esiaedu.esia.crypto.RequestSigner;
import ru.esiaedu.esia.crypto.SigningException;
import ru.esiaedu.esia.protocol.EsiaEndpoints;
import ru.esiaedu.esia.protocol.EsiaTimestamp;
import ru.esiaedu.esia.protocol.Rfc3986;
import ru.esiaedu.esia.token.EsiaTokenVerifier;

/**
 * ESIA (Госуслуги) as a Keycloak identity provider: signed authorization and token requests,
 * verification of ESIA's tokens, the person API mapped onto the brokered identity, and ESIA logout.
 */
public class EsiaIdentityProvider extends AbstractOAuth2IdentityProvider<EsiaIdentityProviderConfig>
        implements SocialIdentityProvider<EsiaIdentityProviderConfig> {

    private static final Logger LOG = Logger.getLogger(EsiaIdentityProvider.class);

    private final Clock clock;
    private final EsiaHttpClients httpClients;
    private final OneCallbackPerPerson callbacks;

    /** With clients of its own: only for code that builds a provider outside the factory. */
    public EsiaIdentityProvider(KeycloakSession session, EsiaIdentityProviderConfig config) {
        this(session, config, new EsiaHttpClients(), new OneCallbackPerPerson(OneCallbackPerPerson.DEFAULT_MAX_WAIT));
    }

    EsiaIdentityProvider(KeycloakSession session, EsiaIdentityProviderConfig config, EsiaHttpClients httpClients) {
        this(session, config, httpClients, new OneCallbackPerPerson(OneCallbackPerPerson.DEFAULT_MAX_WAIT));
    }

    EsiaIdentityProvider(KeycloakSession session, EsiaIdentityProviderConfig config, EsiaHttpClients httpClients,
            OneCallbackPerPerson callbacks) {
        this(session, config, httpClients, callbacks, Clock.systemDefaultZone());
    }

    EsiaIdentityProvider(KeycloakSession session, EsiaIdentityProviderConfig config, EsiaHttpClients httpClients,
            Clock clock) {
        this(session, config, httpClients, new OneCallbackPerPerson(OneCallbackPerPerson.DEFAULT_MAX_WAIT), clock);
    }

    EsiaIdentityProvider(KeycloakSession session, EsiaIdentityProviderConfig config, EsiaHttpClients httpClients,
            OneCallbackPerPerson callbacks, Clock clock) {
        super(session, config);
        this.httpClients = httpClients;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** This node's turns of ESIA callbacks, one person at a time (see {@link OneCallbackPerPerson}). */
    OneCallbackPerPerson callbacks() {
        return callbacks;
    }

    /** The shared client for this configuration (see {@link EsiaHttpClients}). */
    HttpClient httpClient() {
        return httpClients.forConnectTimeout(getConfig().getConnectTimeout());
    }

    @Override
    protected String getDefaultScopes() {
        return EsiaIdentityProviderConfig.DEFAULT_SCOPES;
    }

    @Override
    public Response performLogin(AuthenticationRequest request) {
        AuthenticationSessionModel authSession = request.getAuthenticationSession();
        EsiaIdentityProviderConfig config = getConfig();
        try {
            RequestSigner signer = EsiaSigners.create(session, config, httpClient());
            String redirectUri = request.getRedirectUri();
            String scope = config.getScopes();
            long lifespan = request.getRealm().getAccessCodeLifespanLogin();
            String esiaState = EsiaStateBinding.bind(session, authSession, request.getState().getEncoded(), lifespan);
            authSession.setAuthNote(EsiaStateBinding.NOTE_REDIRECT_URI, redirectUri);
            authSession.setAuthNote(EsiaStateBinding.NOTE_SCOPE, scope);
            EsiaRequests.Common common = new EsiaRequests.Common(config.getProtocol(), config.getClientId(), scope,
                    config.getScopeOrg(), redirectUri, signer);
            String query = EsiaRequests.authorizationQuery(common, esiaState, EsiaTimestamp.now(clock));
            return Response.seeOther(URI.create(config.getEndpoints().authorizationUrl() + "?" + query)).build();
        } catch (SigningException e) {
            LOG.errorf("Cannot start ESIA login for provider '%s': %s", config.getAlias(), e.getMessage());
            return ErrorPage.error(session, authSession, e.serviceUnavailable() ? Response.Status.SERVICE_UNAVAILABLE
                    : Response.Status.INTERNAL_SERVER_ERROR, EsiaMessages.forSigningFailure(e));
        }
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        return new EsiaCallbackEndpoint(this, session, realm, callback, event);
    }

    /** Token request, token checks and person API for the code ESIA returned to this login. */
    EsiaCodeExchange.Result exchange(AuthenticationSessionModel authSession, String code) throws EsiaLoginFailure {
        EsiaIdentityProviderConfig config = getConfig();
        String redirectUri = authSession.getAuthNote(EsiaStateBinding.NOTE_REDIRECT_URI);
        String scope = authSession.getAuthNote(EsiaStateBinding.NOTE_SCOPE);
        if (redirectUri == null || scope == null) {
            throw new EsiaLoginFailure(EsiaMessages.SESSION_EXPIRED, "Login session lost the ESIA request details");
        }
        RequestSigner signer;
        EsiaTokenVerifier verifier;
        try {
            signer = EsiaSigners.create(session, config, httpClient());
            verifier = new EsiaTokenVerifier(
                    EsiaSigners.esiaCertificates(session, config),
                    config.getExpectedIssuer(), config.getClientId(), config.getClockSkew(), clock);
        } catch (SigningException | RuntimeException e) {
            throw new EsiaLoginFailure(EsiaMessages.CLIENT_MISCONFIGURED, "ESIA provider settings are not usable: " + e.getMessage(), e);
        }
        EsiaEndpoints endpoints = config.getEndpoints();
        EsiaHttp http = new EsiaHttp(httpClient(), config.getReadTimeout());
        EsiaCodeExchange exchange = new EsiaCodeExchange(
                new EsiaRequests.Common(config.getProtocol(), config.getClientId(), scope, config.getScopeOrg(), redirectUri, signer),
                new EsiaTokenClient(http, endpoints.tokenUrl()),
                verifier,
                new EsiaPersonClient(http, endpoints.baseUrl()),
                clock, !config.acceptsSimplifiedFor(RequestedRole.of(authSession)), config.isFetchChildren());
        return exchange.complete(code);
    }

    BrokeredIdentityContext toBrokeredIdentity(EsiaCodeExchange.Result result) {
        EsiaIdentityProviderConfig config = getConfig();
        BrokeredIdentityContext identity = EsiaIdentityMapper.toBrokeredIdentity(result.person(), result.accountType(),
                config, config.getUsernamePrefix());
        identity.setIdp(this);
        identity.getContextData().put(FEDERATED_ACCESS_TOKEN, result.tokens().accessToken());
        if (Booleans.isTrue(config.isStoreToken())) {
            identity.setToken(result.tokens().raw());
        }
        return identity;
    }

    /**
     * Runs at every ESIA login (first and later): ESIA is the source of truth for these attributes. Writes only what
     * changed ({@link EsiaUserRefresh}); Keycloak's own e-mail update sets the e-mail again at every login with sync
     * mode "force", so it runs only for a new user or a new address.
     */
    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user, BrokeredIdentityContext context) {
        if (EsiaUserRefresh.emailDiffers(user, context) || isNewUser(context)) {
            super.updateBrokeredUser(session, realm, user, context); // e-mail and its verified flag (trustEmail)
        }
        EsiaUserRefresh.refresh(user, context);
    }

    /** The note Keycloak's «create user if unique» step sets on a first login (a literal there too). */
    static final String BROKER_REGISTERED_NEW_USER = "BROKER_REGISTERED_NEW_USER";

    private static boolean isNewUser(BrokeredIdentityContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return authSession != null && Boolean.parseBoolean(authSession.getAuthNote(BROKER_REGISTERED_NEW_USER));
    }

    /**
     * Keycloak's OAuth2 broker copies the federated access token into a user-session note here, even with
     * "store tokens" off; a session-note mapper would then hand ESIA's token to any client, and persistent sessions
     * would write it to the database. The login steps read the token from the brokered context while the login
     * runs; nothing needs it afterwards. So nothing is copied.
     */
    @Override
    public void authenticationFinished(AuthenticationSessionModel authSession, BrokeredIdentityContext context) {
        // deliberately not super: no ESIA token outlives the login
    }

    /** Sends the browser through ESIA's logout, which comes back to {@link EsiaCallbackEndpoint#logoutResponse}. */
    @Override
    public Response keycloakInitiatedBrowserLogout(KeycloakSession session, UserSessionModel userSession, UriInfo uriInfo, RealmModel realm) {
        EsiaIdentityProviderConfig config = getConfig();
        if (!config.isLogoutAtEsia()) {
            return null;
        }
        String back = RealmsResource.brokerUrl(uriInfo)
                .path(IdentityBrokerService.class, "getEndpoint")
                .path(EsiaCallbackEndpoint.class, "logoutResponse")
                .queryParam("state", userSession.getId())
                .build(realm.getName(), config.getAlias()).toString();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", config.getClientId());
        params.put("redirect_url", back);
        return Response.status(302).location(URI.create(config.getEndpoints().logoutUrl() + "?" + Rfc3986.query(params))).build();
    }
}
