package ru.esiaedu.desk.web;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

import ru.esiaedu.desk.access.Caller;
import ru.esiaedu.desk.access.Permissions;
import ru.esiaedu.login.ProfileNotes;
import ru.esiaedu.login.SchoolProfile;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.school.Actor;
import ru.esiaedu.registry.school.SchoolOffice;

/**
 * Reads the caller of one request: a bearer token when the request has one (a staff member's token of the desk's
 * client, or a school system's service account), else Keycloak's identity cookie. A staff member is the STAFF
 * profile chosen at this login (the user session's {@link ProfileNotes}) with the positions the registry gives it.
 */
final class DeskCallers {

    /** The desk's own client: the pages sign in through it, staff tokens must be issued for it. */
    static final String CLIENT_ID = "school-desk";
    /** Client role of {@link #CLIENT_ID} a school system's service account needs. */
    static final String API_ROLE = "school-api";
    /** Service-account user attribute: the organisation a school system acts for, as its administrator. */
    static final String ORGANISATION_ATTRIBUTE = "schoolOrganisationId";
    /** Realm role of the region's operators (requests that name no organisation). */
    static final String REGION_OPERATOR_ROLE = "esia-edu-region-operator";

    private static final Logger LOG = Logger.getLogger(DeskCallers.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    DeskCallers(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    boolean hasBearer() {
        String header = session.getContext().getRequestHeaders().getHeaderString("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    Who resolve(SchoolOffice office) throws RegistryUnavailableException {
        return hasBearer() ? byToken(office) : byCookie(office);
    }

    Who byCookie(SchoolOffice office) throws RegistryUnavailableException {
        AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (auth == null || auth.session() == null) {
            return new Who.Nobody();
        }
        return staff(office, auth, true);
    }

    private Who byToken(SchoolOffice office) throws RegistryUnavailableException {
        AuthResult auth;
        try {
            auth = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm)
                    .setUriInfo(session.getContext().getUri()).setConnection(session.getContext().getConnection())
                    .setHeaders(session.getContext().getRequestHeaders()).authenticate();
        } catch (RuntimeException e) {
            auth = null;
        }
        if (auth == null || auth.user() == null || auth.token() == null) {
            return new Who.Refused(Who.Reason.BAD_TOKEN);
        }
        if (auth.user().getServiceAccountClientLink() != null) {
            return schoolSystem(auth);
        }
        if (!CLIENT_ID.equals(auth.token().getIssuedFor()) || auth.session() == null) {
            // A token of another client (the portal's) is not a key to the school's data.
            return new Who.Refused(Who.Reason.BAD_TOKEN);
        }
        return staff(office, auth, false);
    }

    private Who schoolSystem(AuthResult auth) {
        UserModel serviceAccount = auth.user();
        ClientModel desk = realm.getClientByClientId(CLIENT_ID);
        RoleModel apiRole = desk == null ? null : desk.getRole(API_ROLE);
        String organisation = serviceAccount.getFirstAttribute(ORGANISATION_ATTRIBUTE);
        ClientModel system = realm.getClientById(serviceAccount.getServiceAccountClientLink());
        if (apiRole == null || !serviceAccount.hasRole(apiRole) || organisation == null || organisation.isBlank()
                || system == null) {
            LOG.debugf("School system token refused in realm %s: role or organisation missing", realm.getName());
            return new Who.Refused(Who.Reason.BAD_TOKEN);
        }
        Caller caller = new Caller(Actor.api(system.getClientId()), Permissions.schoolSystem(organisation.trim()), null,
                system.getClientId());
        return new Who.Known(caller, false, serviceAccount, system, auth.token());
    }

    private Who staff(SchoolOffice office, AuthResult auth, boolean byCookie) throws RegistryUnavailableException {
        UserModel user = auth.user();
        UserSessionModel userSession = auth.session();
        boolean regionOperator = regionOperator(user);
        SchoolProfile profile = ProfileNotes.fromNotes(userSession::getNote);
        boolean staffProfile = profile != null && RegistryRole.STAFF.name().equals(profile.role());
        if (!staffProfile && !regionOperator) {
            return new Who.Refused(Who.Reason.NOT_STAFF);
        }
        Permissions can = staffProfile
                ? Permissions.ofStaff(profile.organisationId(), office.assignments(profile.registryId()), regionOperator)
                : Permissions.ofStaff(null, java.util.List.of(), true);
        if (!can.mayEnter()) {
            return new Who.Refused(Who.Reason.NO_POSITION);
        }
        String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
                + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
        Actor actor = staffProfile ? Actor.staff(profile.registryId()) : new Actor("operator:" + user.getId());
        return new Who.Known(new Caller(actor, can, staffProfile ? profile.registryId() : null, name), byCookie, user,
                auth.client(), auth.token());
    }

    private boolean regionOperator(UserModel user) {
        RoleModel role = realm.getRole(REGION_OPERATOR_ROLE);
        return role != null && user.hasRole(role);
    }
}
