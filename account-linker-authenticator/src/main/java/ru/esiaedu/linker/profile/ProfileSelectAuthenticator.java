package ru.esiaedu.linker.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.time.Clock;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import ru.esiaedu.linker.LinkerNotes;
import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.linker.firstlogin.MatchNotes;
import ru.esiaedu.linker.firstlogin.RegistryMatchAuthenticator;
import ru.esiaedu.linker.firstlogin.StudentNotFoundNotice;
import ru.esiaedu.linker.match.MatchAndLink;
import ru.esiaedu.login.ChosenRole;
import ru.esiaedu.login.Roles;
import ru.esiaedu.linker.support.FullName;
import ru.esiaedu.linker.support.LinkerPages;
import ru.esiaedu.login.step.Pages;
import ru.esiaedu.login.step.Registry;
import ru.esiaedu.login.ProfileNotes;
import ru.esiaedu.login.SchoolProfile;
import ru.esiaedu.login.age.AgeRules;
import ru.esiaedu.login.step.ThisLogin;
import ru.esiaedu.registry.AccessRequest;
import ru.esiaedu.registry.AccessRequestReceipt;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;
import ru.esiaedu.login.LoginNotes;

/**
 * Post-broker-login (every ESIA login): reads the person's profiles from the registry, narrows them to
 * the chosen role and lets the person pick one when there are several («роль — организация — класс»,
 * with «Нет нужной организации»). The pick goes into user-session notes for the token mapper; all
 * profiles go into the {@code schoolProfiles} user attribute.
 */
public final class ProfileSelectAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(ProfileSelectAuthenticator.class);
    static final String FORM_PROFILE = "profile";
    /** «Это не я» next to a profile: the account is not this person's. */
    static final String FORM_NOT_ME = "notMe";
    static final String NOT_ME_REASON = "Это не я";

    /** Who undid the link, as the registry records it. */
    static final String NOT_ME_BY = "person";
    static final String EVENT_ERROR_NOT_ME = "esia_profile_not_me";

    private final Clock clock;

    public ProfileSelectAuthenticator(Clock clock) {
        this.clock = clock;
    }

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
        String oid = ThisLogin.federatedOid(context.getSession(), context.getUser());
        if (oid != null) {
            // The user exists now: a first login that matched is over, so the same person may start another one
            // (another role, another device) without waiting out the first-login lock.
            context.getSession().singleUseObjects().remove(RegistryMatchAuthenticator.firstLoginLock(
                    context.getRealm().getId(), oid));
        }
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
            context.challenge(LinkerPages.registryUnavailable(context));
            return;
        }
        storeAll(context.getUser(), all);

        Optional<RegistryRole> role = ChosenRole.read(authSession);
        List<SchoolProfile> offered = ProfileSelection.forRole(all, role);
        BrokeredEsiaPerson person = null;   // read only when needed
        boolean ambiguousContact = false;
        if (offered.isEmpty()) {
            // Nothing linked for this role yet: the school may have entered the person's data since
            // the first login, so run the match rules again with what ESIA just sent.
            person = ThisLogin.of(context).person().orElse(null);
            try {
                ambiguousContact = rematch(context, oid, role, person).ambiguousContact();
                all = ProfileSelection.all(Registry.of(context.getSession()).findLinked(oid));
            } catch (RegistryUnavailableException e) {
                LOG.warnf("School registry unavailable during ESIA login: %s", e.getClass().getSimpleName());
                context.challenge(LinkerPages.registryUnavailable(context));
                return;
            }
            storeAll(context.getUser(), all);
            offered = ProfileSelection.forRole(all, role);
        }
        if (offered.isEmpty()) {
            context.getEvent().detail("profiles", "0");
            context.challenge(LinkerPages.notFound(context, true, studentNotice(context, role, person), ambiguousContact));
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
        if (LinkerPages.ACTION_LINK.equals(action) || LinkerPages.ACTION_REQUEST.equals(action)) {
            context.getAuthenticationSession().setAuthNote(LinkerNotes.NEXT, action);
            context.getEvent().detail("esia_linker_next", action);
            context.success();
            return;
        }
        if (Pages.ACTION_EXIT.equals(action)) {
            context.forceChallenge(Pages.exitToLogin(context));
            return;
        }
        String notMe = form.getFirst(FORM_NOT_ME);
        if (notMe != null) {
            reportNotMe(context, notMe);
            return;
        }
        String picked = form.getFirst(FORM_PROFILE);
        if (picked == null) {
            authenticate(context);      // «Повторить» after the registry was down
            return;
        }
        // Only what the registry links to this person right now can be picked (never trust the form).
        String oid = ThisLogin.federatedOid(context.getSession(), context.getUser());
        List<SchoolProfile> all;
        try {
            all = oid == null ? List.of() : ProfileSelection.all(Registry.of(context.getSession()).findLinked(oid));
        } catch (RegistryUnavailableException e) {
            context.challenge(LinkerPages.registryUnavailable(context));
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

    /**
     * «Это не я»: the person says a linked account is not theirs. It is unlinked at once (the real owner can get it,
     * this person stops using it) and the organisation gets a request to check, with the account named; the picker
     * comes back with what is left. Only an account linked to this person right now can be reported.
     */
    private void reportNotMe(AuthenticationFlowContext context, String accountId) {
        String oid = ThisLogin.federatedOid(context.getSession(), context.getUser());
        Optional<RegistryRole> role = ChosenRole.read(context.getAuthenticationSession());
        try {
            SchoolRegistryProvider registry = Registry.of(context.getSession());
            Optional<SchoolProfile> profile = oid == null ? Optional.empty()
                    : ProfileSelection.pick(ProfileSelection.all(registry.findLinked(oid)), accountId);
            if (profile.isEmpty()) {
                authenticate(context);
                return;
            }
            if (registry.unlink(accountId, oid, NOT_ME_BY, NOT_ME_REASON)) {
                UserModel user = context.getUser();
                AccessRequestReceipt receipt = registry.createAccessRequest(new AccessRequest(
                        "not-me:" + accountId + ":" + oid, oid, role.orElse(null), null, null,
                        profile.get().organisationId(), profile.get().className(),
                        user.isEmailVerified() ? user.getEmail() : null, AccessRequest.DEFAULT_DAILY_LIMIT,
                        FullName.of(user.getLastName(), user.getFirstName(), null)));
                context.getEvent().clone().detail("reason", "the person reported a linked account as not theirs")
                        .detail("access_request_number", receipt.number() == null ? "-" : receipt.number())
                        .error(EVENT_ERROR_NOT_ME);
                if (receipt.number() != null) {
                    context.form().setInfo("esiaProfileNotMeSent", receipt.number());
                } else {
                    context.form().setInfo("esiaProfileNotMeUnlinked");
                }
            }
        } catch (RegistryUnavailableException e) {
            LOG.warnf("School registry unavailable during ESIA login: %s", e.getClass().getSimpleName());
            context.challenge(LinkerPages.registryUnavailable(context));
            return;
        }
        authenticate(context);
    }

    /** «Ваш дневник не найден…» for a student who has no student profile at a later login. */
    private StudentNotFoundNotice studentNotice(AuthenticationFlowContext context, Optional<RegistryRole> role,
                                                BrokeredEsiaPerson person) {
        return StudentNotFoundNotice.fromSettings(settings(context), role, person == null ? null : person.birthDate(),
                clock);
    }

    private static Map<String, String> settings(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        return config == null ? null : config.getConfig();
    }

    /** Match rules against the person ESIA sent at this login; nothing when that person is not this user. */
    private MatchNotes rematch(AuthenticationFlowContext context, String oid, Optional<RegistryRole> role,
                               BrokeredEsiaPerson person) throws RegistryUnavailableException {
        if (person == null || !oid.equals(person.oid())) {
            return MatchNotes.of(List.of());
        }
        SchoolRegistryProvider registry = Registry.of(context.getSession());
        MatchNotes notes = MatchAndLink.run(registry, AgeRules.fromSettings(settings(context), clock), person, role);
        if (!notes.empty()) {
            context.getEvent().detail("match_rule", notes.rules());
        }
        return notes;
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
        return context.form().setAttribute("esiaProfiles", rows).createForm(LinkerPages.PROFILE_SELECT);
    }

    /**
     * Keeps the user's profiles as the registry has them now. Written only when they changed: a write drops the
     * cached user on every node and rewrites the attribute's rows, and nearly every login finds the same profiles.
     */
    private static void storeAll(UserModel user, List<SchoolProfile> profiles) {
        List<String> stored = user.getAttributeStream(ProfileNotes.USER_ATTRIBUTE).toList();
        List<String> now = profiles.stream().map(SchoolProfile::toJson).toList();
        if (now.equals(stored)) {
            return;
        }
        if (now.isEmpty()) {
            user.removeAttribute(ProfileNotes.USER_ATTRIBUTE);
        } else {
            user.setAttribute(ProfileNotes.USER_ATTRIBUTE, now);
        }
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
