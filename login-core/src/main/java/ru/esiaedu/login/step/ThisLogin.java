package ru.esiaedu.login.step;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.esia.person.EsiaPersonDocument;
import ru.esiaedu.login.ChosenRole;
import ru.esiaedu.login.LoginNotes;
import ru.esiaedu.registry.RegistryRole;

/**
 * "This login" as every ESIA step sees it: the person ESIA sent, the chosen role, the oid, ESIA's access token and
 * the identity provider. Keycloak keeps the brokered identity serialised in the authentication session — under one
 * note during the first broker login and another during the post-broker login; it is deserialised once per HTTP
 * request and kept in the Keycloak session for the steps that run after it in the same request.
 */
public final class ThisLogin {

    private static final Logger LOG = Logger.getLogger(ThisLogin.class);
    private static final String SESSION_ATTRIBUTE = ThisLogin.class.getName() + ":";

    private final AuthenticationSessionModel authSession;
    private final BrokeredIdentityContext broker;
    private final BrokeredEsiaPerson person;

    private ThisLogin(AuthenticationSessionModel authSession, BrokeredIdentityContext broker) {
        this.authSession = authSession;
        this.broker = broker;
        this.person = broker == null ? null
                : EsiaPersonDocument.read(broker.getContextData().get(EsiaPersonDocument.CONTEXT_KEY)).orElse(null);
    }

    /** This login, read from the authentication session (once per request). */
    public static ThisLogin of(AuthenticationFlowContext context) {
        return of(context.getSession(), context.getAuthenticationSession(), null);
    }

    /**
     * This login around the brokered identity Keycloak already handed to a first-broker-login step
     * ({@link AbstractIdpAuthenticator}), so it is not deserialised a second time.
     */
    public static ThisLogin of(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext) {
        return of(context.getSession(), context.getAuthenticationSession(), brokerContext);
    }

    private static ThisLogin of(KeycloakSession session, AuthenticationSessionModel authSession,
                                BrokeredIdentityContext known) {
        String key = SESSION_ATTRIBUTE + authSession.getParentSession().getId() + ":" + authSession.getTabId();
        ThisLogin cached = session.getAttribute(key, ThisLogin.class);
        if (cached != null && (known == null || cached.broker == known)) {
            return cached;
        }
        ThisLogin login = new ThisLogin(authSession, known != null ? known : brokerContext(session, authSession));
        session.setAttribute(key, login);
        return login;
    }

    /** The post-broker-login note first (every login), then the first-broker-login one (the first login). */
    private static BrokeredIdentityContext brokerContext(KeycloakSession session, AuthenticationSessionModel authSession) {
        for (String note : new String[] {PostBrokerLoginConstants.PBL_BROKERED_IDENTITY_CONTEXT,
                AbstractIdpAuthenticator.BROKERED_CONTEXT_NOTE}) {
            SerializedBrokeredIdentityContext serialized =
                    SerializedBrokeredIdentityContext.readFromAuthenticationSession(authSession, note);
            if (serialized == null) {
                continue;
            }
            try {
                return serialized.deserialize(session, authSession);
            } catch (RuntimeException e) {
                LOG.warnf("ESIA login: brokered identity not readable (%s)", e.getClass().getSimpleName());
                return null;
            }
        }
        return null;
    }

    /** The person ESIA sent at this login; empty when the login carries no readable person document. */
    public Optional<BrokeredEsiaPerson> person() {
        return Optional.ofNullable(person);
    }

    /** Whether this login came through an identity provider at all (its brokered identity is known). */
    public boolean brokered() {
        return broker != null;
    }

    /** The role chosen for this login (role page, client's {@code role} parameter). */
    public Optional<RegistryRole> chosenRole() {
        return ChosenRole.read(authSession);
    }

    /**
     * The ESIA oid: from the person document, else the brokered identity's id, else the user's federated identity of
     * alias {@link LoginNotes#ESIA_ALIAS}; null when none is known.
     */
    public String oid(KeycloakSession session, UserModel user) {
        if (person != null) {
            return person.oid();
        }
        if (broker != null && broker.getId() != null) {
            return broker.getId();
        }
        return federatedOid(session, user);
    }

    /** The oid of the user's ESIA federated identity; null without a user or link. */
    public static String federatedOid(KeycloakSession session, UserModel user) {
        return federatedOid(session, session.getContext().getRealm(), user);
    }

    /** The same in a given realm (a required action, where the flow's context is not at hand). */
    public static String federatedOid(KeycloakSession session, RealmModel realm, UserModel user) {
        if (user == null) {
            return null;
        }
        FederatedIdentityModel identity = session.users().getFederatedIdentity(realm, user, LoginNotes.ESIA_ALIAS);
        return identity == null ? null : identity.getUserId();
    }

    /** ESIA's access token of this login, as Keycloak's broker left it in the context; null when none. */
    public String esiaAccessToken() {
        Object token = broker == null ? null
                : broker.getContextData().get(UserAuthenticationIdentityProvider.FEDERATED_ACCESS_TOKEN);
        return token == null ? null : token.toString();
    }

    /** The identity provider that brokered this login; null when unknown. */
    public IdentityProviderModel identityProvider() {
        return broker == null ? null : broker.getIdpConfig();
    }
}
