package ru.esiaedu.esia.broker;

import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;

import ru.esiaedu.esia.api.EsiaErrorCode;

/**
 * Where ESIA sends the browser back ({@code …/broker/{alias}/endpoint}). Maps ESIA's UUID state back to
 * Keycloak's login, turns every ESIA answer into either a brokered identity or a Russian page, and
 * creates nothing in Keycloak unless every check passed.
 */
public class EsiaCallbackEndpoint {

    private static final Logger LOG = Logger.getLogger(EsiaCallbackEndpoint.class);

    private final EsiaIdentityProvider provider;
    private final KeycloakSession session;
    private final RealmModel realm;
    private final AuthenticationCallback callback;
    private final EventBuilder event;

    EsiaCallbackEndpoint(EsiaIdentityProvider provider, KeycloakSession session, RealmModel realm,
                         AuthenticationCallback callback, EventBuilder event) {
        this.provider = provider;
        this.session = session;
        this.realm = realm;
        this.callback = callback;
        this.event = event;
    }

    @GET
    public Response authResponse(@QueryParam("state") String state,
                                 @QueryParam("code") String code,
                                 @QueryParam("error") String error,
                                 @QueryParam("error_description") String errorDescription) {
        Optional<String> brokerState = EsiaStateBinding.consume(session, state);
        if (brokerState.isEmpty()) {
            return fail(null, new EsiaLoginFailure(EsiaMessages.SESSION_EXPIRED,
                    "ESIA answered with an unknown, expired or already used state"));
        }
        AuthenticationSessionModel authSession;
        try {
            authSession = callback.getAndVerifyAuthenticationSession(brokerState.get());
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
        session.getContext().setAuthenticationSession(authSession);
        if (!EsiaStateBinding.belongsTo(authSession, state)) {
            return fail(null, new EsiaLoginFailure(EsiaMessages.SESSION_EXPIRED,
                    "ESIA state does not belong to this browser's login"));
        }
        if (error != null) {
            return esiaRefused(error, errorDescription);
        }
        if (code == null || code.isBlank()) {
            return fail(authSession, new EsiaLoginFailure(EsiaMessages.BAD_RESPONSE, "ESIA redirect has neither code nor error"));
        }
        try {
            EsiaCodeExchange.Result result = provider.exchange(authSession, code);
            BrokeredIdentityContext identity = provider.toBrokeredIdentity(result);
            identity.setAuthenticationSession(authSession);
            event.detail("esia_account_type", result.accountType().name());
            OneCallbackPerPerson.Turn turn = provider.callbacks()
                    .begin(realm.getId() + "/" + provider.getConfig().getAlias() + "/" + identity.getId());
            if (!turn.held()) {
                LOG.warn("ESIA callback: another login of the same person kept Keycloak busy too long; going ahead");
            }
            try {
                return callback.authenticated(identity);
            } finally {
                endAfterTransaction(turn);
            }
        } catch (EsiaLoginFailure failure) {
            return failToLoginPage(failure);
        }
    }

    /**
     * Ends the turn once this request's transaction is over, after Keycloak's own after-completion work (its
     * lockout detector's marker, enlisted during {@code authenticated}): the next callback of the person then
     * finds no login in progress.
     */
    private void endAfterTransaction(OneCallbackPerPerson.Turn turn) {
        if (!turn.held()) {
            return;
        }
        try {
            session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
                @Override
                protected void commitImpl() {
                    turn.end();
                }

                @Override
                protected void rollbackImpl() {
                    turn.end();
                }
            });
        } catch (RuntimeException noTransaction) {
            turn.end();
        }
    }

    /** ESIA's own logout redirects here; Keycloak then finishes its logout of the same session. */
    @GET
    @Path("logout_response")
    public Response logoutResponse(@QueryParam("state") String userSessionId) {
        UserSessionModel userSession = userSessionId == null ? null : session.sessions().getUserSession(realm, userSessionId);
        if (userSession == null || userSession.getState() != UserSessionModel.State.LOGGING_OUT) {
            LOG.warn("ESIA logout returned for an unknown or finished session");
            EventBuilder logoutEvent = event.clone().event(EventType.LOGOUT);
            logoutEvent.error(Errors.USER_SESSION_NOT_FOUND);
            return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.SESSION_NOT_ACTIVE);
        }
        return AuthenticationManager.finishBrowserLogout(session, realm, userSession, session.getContext().getUri(),
                session.getContext().getConnection(), session.getContext().getRequestHeaders());
    }

    private Response esiaRefused(String error, String errorDescription) {
        String code = EsiaErrorCode.extract(errorDescription);
        EsiaErrorCode.Category category = EsiaErrorCode.categorize(code, error);
        if (category == EsiaErrorCode.Category.USER_CANCELLED) {
            LOG.infof("ESIA login cancelled by the user (%s)", code);
            recordFailure("cancelled at ESIA " + (code == null ? error : code), Errors.REJECTED_BY_USER);
            return backToLogin(EsiaMessages.CANCELLED);
        }
        return failToLoginPage(new EsiaLoginFailure(EsiaMessages.forEsiaError(code, error),
                "ESIA refused the authorization: " + (code == null ? sanitize(error) : code) + " (" + category + ")"));
    }

    /** A failure the person can retry: back to the login page with the Russian explanation. */
    private Response failToLoginPage(EsiaLoginFailure failure) {
        LOG.warnf("ESIA login failed: %s", failure.reason());
        recordFailure(failure.reason(), Errors.IDENTITY_PROVIDER_LOGIN_FAILURE);
        return backToLogin(failure.messageKey());
    }

    /**
     * Runs the browser flow again from its first step with the Russian message. Without clearing,
     * steps that succeeded before the redirect to ESIA (e.g. the role picker) would be skipped and an
     * ESIA-only flow would end on a dead-end error page instead of a page the person can retry from.
     */
    private Response backToLogin(String messageKey) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        if (authSession != null) {
            authSession.clearExecutionStatus();
        }
        return callback.error(provider.getConfig(), messageKey);
    }

    /** A failure outside any usable login (unknown state): a standalone error page. */
    private Response fail(AuthenticationSessionModel authSession, EsiaLoginFailure failure) {
        LOG.warnf("ESIA login failed: %s", failure.reason());
        recordFailure(failure.reason(), Errors.IDENTITY_PROVIDER_LOGIN_FAILURE);
        return ErrorPage.error(session, authSession, Response.Status.BAD_REQUEST, failure.messageKey());
    }

    private void recordFailure(String reason, String error) {
        event.clone()
                .event(EventType.IDENTITY_PROVIDER_LOGIN)
                .detail(Details.IDENTITY_PROVIDER, provider.getConfig().getAlias())
                .detail(Details.REASON, reason)
                .error(error);
    }

    /** OAuth error names are short ASCII words; anything else is not echoed into logs. */
    private static String sanitize(String error) {
        return error != null && error.matches("[a-z_]{1,40}") ? error : "unrecognised error";
    }
}
