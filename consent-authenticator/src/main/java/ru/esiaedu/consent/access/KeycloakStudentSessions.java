package ru.esiaedu.consent.access;

import java.util.Objects;

import org.keycloak.models.ClientModel;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserSessionManager;

import ru.esiaedu.login.LoginNotes;

/**
 * Keycloak's own way of ending a user's access to one client, as its account console does when a user revokes a
 * consent ({@code UserConsentManager.revokeConsentToClient}): the client's offline sessions are removed
 * ({@code UserSessionManager.revokeOfflineToken}) and the client is logged out of every online user session
 * ({@code AuthenticationManager.backchannelLogoutUserFromClient}, which also sends the client's back-channel logout).
 * A refresh or offline token then finds no client session and the token endpoint answers {@code invalid_grant}. The
 * user's sessions with other clients stay.
 */
public final class KeycloakStudentSessions implements StudentSessions {

    private final KeycloakSession session;
    private final RealmModel realm;

    public KeycloakStudentSessions(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @Override
    public EndedSessions end(String esiaOid, String clientId) {
        UserModel user = session.users().getUserByFederatedIdentity(realm,
                new FederatedIdentityModel(LoginNotes.ESIA_ALIAS, esiaOid, null));
        ClientModel client = realm.getClientByClientId(clientId);
        if (user == null || client == null) {
            return EndedSessions.NONE;
        }
        return end(user, client);
    }

    /** The same for a user at hand (the consent check of a login that found no valid consent). */
    public EndedSessions end(UserModel user, ClientModel client) {
        int online = (int) session.sessions().getUserSessionsStream(realm, user)
                .map(s -> s.getAuthenticatedClientSessionByClient(client.getId())).filter(Objects::nonNull).count();
        int offline = (int) session.sessions().getOfflineUserSessionsStream(realm, user)
                .map(s -> s.getAuthenticatedClientSessionByClient(client.getId())).filter(Objects::nonNull).count();
        if (offline > 0) {
            new UserSessionManager(session).revokeOfflineToken(user, client);
        }
        if (online > 0) {
            AuthenticationManager.backchannelLogoutUserFromClient(session, realm, user, client,
                    session.getContext().getUri(), session.getContext().getRequestHeaders());
        }
        return new EndedSessions(online, offline);
    }
}
