package ru.esiaedu.linker.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import java.time.Clock;
import ru.esiaedu.linker.firstlogin.MatchNotes;
import ru.esiaedu.linker.match.EsiaPersonData;
import ru.esiaedu.linker.match.MatchAndLink;
import ru.esiaedu.registry.SchoolRegistryProvider;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import ru.esiaedu.linker.LinkerNotes;
import ru.esiaedu.linker.firstlogin.StudentNotFoundNotice;
import ru.esiaedu.linker.role.ChosenRole;
import ru.esiaedu.linker.role.Roles;
import ru.esiaedu.linker.support.Pages;
import ru.esiaedu.linker.support.Registry;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;

/**
 * Post-broker-login (every ESIA login): reads the person's profiles from the registry, narrows them to
 * the chosen role and lets the person pick one when there are several («роль — организация — класс»,
 * with «Нет нужной организации»). The pick goes into user-session notes for the token mapper; all
 * profiles go into the {@code schoolProfiles} user attribute.
 */
public final class ProfileSelectAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(ProfileSelectAuthenticator.class);
    static final String FORM_PROFILE = "profile";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String already = authSession.getUserSessionNotes().get(ProfileNotes.REGISTRY_ID);
        if (already != null && !already.isEmpty()) {
            // A second instance after the link/request sub-flows: the first one already chose.
            context.success();
            return;
        }
        authSession.removeAuthNote(LinkerNotes.NEXT);
        String oid = oid(context);
        if (oid == null) {
            context.getEvent().detail("reason", "user has no ESIA identity");
            context.challenge(context.form().setError("esiaLinkerNoPerson").createErrorPage(jakarta.ws.rs.core.Response.Status.BAD_REQUEST));
            return;
        }

        List<SchoolProfile> all;
        try {
            all = ProfileSelection.all(Registry.of(context.getSession()).findLinked(oid));
        } catch (RegistryUnavailableException e) {
            LOG.warnf("School registry unavailable during ESIA login: %s", e.getClass().getSimpleName());
            context.challenge(Pages.registryUnavailable(context));
            return;
        }
        storeAll(context.getUser(), all);

        Optional<RegistryRole> role = ChosenRole.read(authSession);
        List<SchoolProfile> offered = ProfileSelection.forRole(all, role);
        EsiaPersonData person = null;   // read only when needed: the brokered context is deserialized from JSON
        if (offered.isEmpty()) {
            // Nothing linked for this role yet: the school may have entered the person's data since
            // the first login, so run the match rules again with what ESIA just sent.
            person = brokeredPerson(context);
            try {
                all = rematch(context, oid, role, person);
            } catch (RegistryUnavailableException e) {
                LOG.warnf("School registry unavailable during ESIA login: %s", e.getClass().getSimpleName());
                context.challenge(Pages.registryUnavailable(context));
                return;
            }
            storeAll(context.getUser(), all);
            offered = ProfileSelection.forRole(all, role);
        }
        if (offered.isEmpty()) {
            context.getEvent().detail("profiles", "0");
            context.challenge(Pages.notFound(context, true, studentNotice(context, role, person)));
        } else if (offered.size() == 1) {
            choose(context, offered.get(0));
        } else {
            context.challenge(page(context, offered));
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        var form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst(Pages.FORM_ACTION);
        if (Pages.ACTION_LINK.equals(action) || Pages.ACTION_REQUEST.equals(action)) {
            context.getAuthenticationSession().setAuthNote(LinkerNotes.NEXT, action);
            context.getEvent().detail("esia_linker_next", action);
            context.success();
            return;
        }
        if (Pages.ACTION_EXIT.equals(action)) {
            context.forceChallenge(Pages.exitToLogin(context));
            return;
        }
        String picked = form.getFirst(FORM_PROFILE);
        if (picked == null) {
            authenticate(context);      // «Повторить» after the registry was down
            return;
        }
        // Only what the registry links to this person right now can be picked (never trust the form).
        String oid = oid(context);
        List<SchoolProfile> all;
        try {
            all = oid == null ? List.of() : ProfileSelection.all(Registry.of(context.getSession()).findLinked(oid));
        } catch (RegistryUnavailableException e) {
            context.challenge(Pages.registryUnavailable(context));
            return;
        }
        List<SchoolProfile> offered = ProfileSelection.forRole(all, ChosenRole.read(context.getAuthenticationSession()));
        Optional<SchoolProfile> profile = ProfileSelection.pick(offered, picked);
        if (profile.isEmpty()) {
            context.challenge(page(context, offered));
            return;
        }
        choose(context, profile.get());
    }

    /** Seed 002's «Ваш дневник не найден…» for a student who has no student profile at a later login. */
    private static StudentNotFoundNotice studentNotice(AuthenticationFlowContext context, Optional<RegistryRole> role,
                                                       EsiaPersonData person) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        return StudentNotFoundNotice.fromSettings(config == null ? null : config.getConfig(), role,
                person == null ? null : person.birthDate(), Clock.systemUTC());
    }

    /** The person ESIA sent at this login (Keycloak keeps the brokered context for the post-broker-login flow). */
    private static EsiaPersonData brokeredPerson(AuthenticationFlowContext context) {
        SerializedBrokeredIdentityContext serialized = SerializedBrokeredIdentityContext.readFromAuthenticationSession(
                context.getAuthenticationSession(), PostBrokerLoginConstants.PBL_BROKERED_IDENTITY_CONTEXT);
        return serialized == null ? null
                : MatchAndLink.person(serialized.deserialize(context.getSession(), context.getAuthenticationSession()));
    }

    /** Match rules against the brokered context Keycloak keeps for the post-broker-login flow. */
    private static List<SchoolProfile> rematch(AuthenticationFlowContext context, String oid, Optional<RegistryRole> role,
                                               EsiaPersonData person) throws RegistryUnavailableException {
        SchoolRegistryProvider registry = Registry.of(context.getSession());
        if (person != null && oid.equals(person.oid())) {
            MatchNotes notes = MatchAndLink.run(registry, Clock.systemDefaultZone(), person, role);
            if (!notes.empty()) {
                context.getEvent().detail("match_rule", notes.rules());
            }
        }
        return ProfileSelection.all(registry.findLinked(oid));
    }

    private static void choose(AuthenticationFlowContext context, SchoolProfile profile) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        // Every note is written (empty for "none") so a re-run of the step never leaves a previous pick behind.
        ProfileNotes.toNotes(profile).forEach(authSession::setUserSessionNote);
        context.getEvent().detail("esia_profile_role", profile.role());
        context.success();
    }

    private static jakarta.ws.rs.core.Response page(AuthenticationFlowContext context, List<SchoolProfile> offered) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (SchoolProfile profile : offered) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", profile.registryId());
            row.put("role", profile.role() == null ? "" : Roles.parse(profile.role()).map(Roles::param).orElse(""));
            row.put("organisation", profile.organisationName() == null ? "" : profile.organisationName());
            row.put("className", profile.className() == null ? "" : profile.className());
            rows.add(row);
        }
        return context.form().setAttribute("esiaProfiles", rows).createForm(Pages.PROFILE_SELECT);
    }

    private static void storeAll(UserModel user, List<SchoolProfile> profiles) {
        if (profiles.isEmpty()) {
            user.removeAttribute(ProfileNotes.USER_ATTRIBUTE);
        } else {
            user.setAttribute(ProfileNotes.USER_ATTRIBUTE, profiles.stream().map(SchoolProfile::toJson).toList());
        }
    }

    /** The ESIA oid: the federated identity of alias {@code esia}. */
    private static String oid(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user == null) {
            return null;
        }
        FederatedIdentityModel identity = context.getSession().users()
                .getFederatedIdentity(context.getRealm(), user, LinkerNotes.ESIA_ALIAS);
        return identity == null ? null : identity.getUserId();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
