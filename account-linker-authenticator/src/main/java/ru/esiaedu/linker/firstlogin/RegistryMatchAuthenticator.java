package ru.esiaedu.linker.firstlogin;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Errors;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import ru.esiaedu.linker.LinkerNotes;
import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.linker.match.MatchAndLink;
import ru.esiaedu.login.age.AgeRules;
import ru.esiaedu.login.step.ThisLogin;
import ru.esiaedu.linker.support.LinkerPages;
import ru.esiaedu.login.step.Pages;
import ru.esiaedu.login.step.Registry;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.login.LoginNotes;

/**
 * First-broker-login: matches the ESIA person to registry accounts before any Keycloak user exists.
 * Matched → links them in the registry and notes their ids; nothing matched → «Запись не найдена»
 * with «Привязать учётную запись» / «Обратиться в организацию» (the conditional steps that follow)
 * and «Выход»; registry down → a page that says so, nothing created.
 */
public final class RegistryMatchAuthenticator extends AbstractIdpAuthenticator {

    private static final Logger LOG = Logger.getLogger(RegistryMatchAuthenticator.class);

    static final String FIRST_LOGIN_LOCK_PREFIX = "esia-first-login:";
    /** Event detail {@code match_rule} when a phone or e-mail leads to several people and nothing was linked. */
    static final String MATCH_AMBIGUOUS_CONTACT = "AMBIGUOUS_CONTACT";
    /** The ESIA provider's message «Ваша учётная запись на Госуслугах не подтверждена…». */
    static final String ACCOUNT_NOT_CONFIRMED = "esiaAccountNotConfirmed";
    /** Long enough to create the user after a match; short enough not to block a retry for long. */
    static final long FIRST_LOGIN_LOCK_SECONDS = 30;

    /** The single-use key of the one-first-login-per-person lock. */
    public static String firstLoginLock(String realmId, String oid) {
        return FIRST_LOGIN_LOCK_PREFIX + realmId + ":" + oid;
    }

    private final Clock clock;

    public RegistryMatchAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.removeAuthNote(LinkerNotes.NEXT);
        authSession.removeAuthNote(LinkerNotes.ACCOUNTS);
        authSession.removeAuthNote(LinkerNotes.RULE);

        ThisLogin login = ThisLogin.of(context, brokerContext);
        BrokeredEsiaPerson person = login.person().orElse(null);
        if (person == null) {
            context.getEvent().detail("reason", "no esia.person in the brokered context").error(Errors.IDENTITY_PROVIDER_ERROR);
            context.failureChallenge(AuthenticationFlowError.IDENTITY_PROVIDER_ERROR,
                    context.form().setError("esiaLinkerNoPerson").createErrorPage(Response.Status.BAD_REQUEST));
            return;
        }
        authSession.setAuthNote(LoginNotes.OID, person.oid());
        // One first login per person at a time, cluster-wide: two at once would both try to create the
        // user (the database lets one win, the other would end on Keycloak's generic error).
        String lock = firstLoginLock(context.getRealm().getId(), person.oid());
        if (!context.getSession().singleUseObjects().putIfAbsent(lock, FIRST_LOGIN_LOCK_SECONDS)) {
            context.getEvent().detail("reason", "first login of this person already in progress");
            context.challenge(LinkerPages.loginInProgress(context));
            return;
        }
        Optional<RegistryRole> role = login.chosenRole();
        role.ifPresent(r -> authSession.setAuthNote(LoginNotes.ROLE, r.name()));

        MatchNotes notes;
        try {
            notes = MatchAndLink.run(Registry.of(context.getSession()), ageRules(context), person, role);
        } catch (RegistryUnavailableException e) {
            LOG.warnf("School registry unavailable during first ESIA login: %s", e.getClass().getSimpleName());
            context.getSession().singleUseObjects().remove(lock);
            context.challenge(LinkerPages.registryUnavailable(context));
            return;
        }

        if (notes.empty() && !person.confirmed()) {
            // A simplified account gets in only through the contact the school entered on its own student card:
            // linking by password and requests need a confirmed account, so say what the person can do.
            context.getSession().singleUseObjects().remove(lock);
            context.getEvent().detail("match_rule", "NONE").detail("reason", "simplified ESIA account, no own card")
                    .error(Errors.NOT_ALLOWED);
            context.challenge(context.form().setError(ACCOUNT_NOT_CONFIRMED).createErrorPage(Response.Status.FORBIDDEN));
            return;
        }
        if (notes.empty()) {
            context.getEvent().detail("match_rule", notes.ambiguousContact() ? MATCH_AMBIGUOUS_CONTACT : "NONE");
            // The person may now link, ask the school or leave: none of that creates a user by matching.
            context.getSession().singleUseObjects().remove(lock);
            context.challenge(LinkerPages.notFound(context, true, studentNotice(context, role, person),
                    notes.ambiguousContact()));
            return;
        }
        authSession.setAuthNote(LinkerNotes.ACCOUNTS, notes.accounts());
        authSession.setAuthNote(LinkerNotes.RULE, notes.rules());
        context.getEvent().detail("match_rule", notes.rules());
        context.success();
    }

    /** «Ваш дневник не найден…» for a student, by age in the region's zone. */
    private StudentNotFoundNotice studentNotice(AuthenticationFlowContext context, Optional<RegistryRole> role,
                                                BrokeredEsiaPerson person) {
        return StudentNotFoundNotice.fromSettings(settings(context), role, person.birthDate(), clock);
    }

    private AgeRules ageRules(AuthenticationFlowContext context) {
        return AgeRules.fromSettings(settings(context), clock);
    }

    private static Map<String, String> settings(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        return config == null ? null : config.getConfig();
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                              BrokeredIdentityContext brokerContext) {
        String action = context.getHttpRequest().getDecodedFormParameters().getFirst(Pages.FORM_ACTION);
        if (LinkerPages.ACTION_LINK.equals(action) || LinkerPages.ACTION_REQUEST.equals(action)) {
            context.getAuthenticationSession().setAuthNote(LinkerNotes.NEXT, action);
            context.getEvent().detail("esia_linker_next", action);
            context.success();
        } else if (Pages.ACTION_EXIT.equals(action)) {
            context.getEvent().detail("esia_linker_next", Pages.ACTION_EXIT);
            context.forceChallenge(Pages.exitToLogin(context));
        } else {
            // «Повторить» on the registry-down page, or anything unexpected: run the match again.
            authenticateImpl(context, serializedCtx, brokerContext);
        }
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
