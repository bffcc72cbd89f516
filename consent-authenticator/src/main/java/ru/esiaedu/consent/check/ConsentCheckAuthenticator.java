package ru.esiaedu.consent.check;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import ru.esiaedu.consent.ConsentIds;
import ru.esiaedu.consent.access.EndedSessions;
import ru.esiaedu.consent.access.KeycloakStudentSessions;
import ru.esiaedu.consent.access.RefusedFirstLoginCleanup;
import ru.esiaedu.consent.esia.AssumedInterfaceWarning;
import ru.esiaedu.consent.source.ConsentRequestOutcome;
import ru.esiaedu.consent.source.ConsentSource;
import ru.esiaedu.consent.source.RequestMail;
import ru.esiaedu.esia.broker.EsiaIdentityProviderConfig;
import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.esia.broker.EsiaIdentityProviderFactory;
import ru.esiaedu.login.LoginNotes;
import ru.esiaedu.login.ProfileNotes;
import ru.esiaedu.login.Roles;
import ru.esiaedu.login.step.Pages;
import ru.esiaedu.login.step.Registry;
import ru.esiaedu.login.step.ThisLogin;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.RegistryRole;

/**
 * Post-broker-login (every ESIA login): a student gets in only with a valid consent for this client system — a
 * parent's for a minor, their own at 18+. The decision is {@link ConsentCheck}; this class only reads the login
 * from the authentication session, renders the pages and writes the events. Nothing personal goes into logs or
 * events: which source, what it said, who granted (PARENT / SELF), whether a request was created.
 */
public final class ConsentCheckAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(ConsentCheckAuthenticator.class);

    /** Auth note: the request id (or "-") once this login has asked the source. */
    public static final String NOTE_REQUESTED = "esia.consent.requested";
    /** Auth note: what became of the request's mail in this login ({@link RequestMail}). */
    public static final String NOTE_MAIL = "esia.consent.mail";

    /** Auth note: this login's new user was removed because a minor's first login found no consent. */
    public static final String NOTE_FORGOTTEN = "esia.consent.forgotten";
    /** Keycloak's auth note (first-broker-login): the user was created in this login. */
    static final String KEYCLOAK_NEW_USER_NOTE = "BROKER_REGISTERED_NEW_USER";

    /** Event detail: the refused first login's new user is removed after the page. */
    public static final String DETAIL_FORGOTTEN = "consent_user_removed";

    /** Form field {@code action}: the buttons of the two pages. */
    public static final String ACTION_RECHECK = "recheck";
    public static final String ACTION_APPROVE = "approve";
    /** «Отправить письмо ещё раз». */
    public static final String ACTION_RESEND = "resend";
    public static final String ACTION_RETRY = Pages.ACTION_RETRY;
    public static final String ACTION_EXIT = Pages.ACTION_EXIT;
    /** Checkbox «Я даю согласие на обработку моих персональных данных…». */
    public static final String FORM_AGREE = "consentAgree";

    private final Clock clock;

    public ConsentCheckAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Step step = new Step(context);
        step.finish(step.check.evaluate(step.login, step.source, step.memory));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst(Pages.FORM_ACTION);
        if (ACTION_EXIT.equals(action)) {
            context.forceChallenge(Pages.exitToLogin(context));
            return;
        }
        Step step = new Step(context);
        if (ACTION_RECHECK.equals(action)) {
            step.finish(step.check.recheck(step.login, step.source, step.memory));
        } else if (ACTION_RESEND.equals(action)) {
            step.finish(step.check.resend(step.login, step.source, step.memory));
        } else if (ACTION_APPROVE.equals(action)) {
            if (!"on".equals(form.getFirst(FORM_AGREE)) && !"true".equals(form.getFirst(FORM_AGREE))) {
                step.agreeMissing = true;
                step.finish(step.check.recheck(step.login, step.source, step.memory));
            } else {
                step.finish(step.check.approveSelf(step.login, step.source, step.memory, ConsentIds.CONSENT_TEXT_VERSION));
            }
        } else {
            // «Повторить» on the unavailable page (or anything unexpected): the full check, requesting if needed.
            step.finish(step.check.evaluate(step.login, step.source, step.memory));
        }
    }

    /** One request's work: settings, the login's facts, the source. */
    private final class Step {

        final AuthenticationFlowContext context;
        final ConsentCheck check;
        final LoginFacts login;
        final ConsentSource source;
        final RequestMemory memory;
        boolean agreeMissing;

        Step(AuthenticationFlowContext context) {
            this.context = context;
            AuthenticatorConfigModel config = context.getAuthenticatorConfig();
            Map<String, String> values = config == null ? null : config.getConfig();
            this.check = new ConsentCheck(ConsentCheckSettings.from(values), clock);
            this.login = readLogin(context, check.settings());
            this.source = context.getSession().getProvider(ConsentSource.class, check.settings().sourceId());
            AssumedInterfaceWarning.logOnce(context.getRealm().getId(), check.settings().sourceId(),
                    ThisLogin.of(context).identityProvider());
            this.memory = new AuthNoteMemory(context.getAuthenticationSession());
            if (login.role() == null) {
                LOG.warnf("consent check: no role chosen in this login to client '%s'; checked as if consent were needed",
                        login.clientId());
            }
        }

        void finish(ConsentOutcome outcome) {
            String sourceId = check.settings().sourceId();
            ConsentStepPlan plan = ConsentStepPlan.of(outcome, sourceId, login.clientName(), agreeMissing);
            EventBuilder event = context.getEvent();
            plan.details().forEach(event::detail);
            log(outcome, sourceId);
            if (plan.pass() && forgotten()) {
                // The user of this login was removed when it was refused: the login starts again and, now with a
                // consent, its first-broker-login flow creates the user anew.
                context.forceChallenge(Pages.restartLogin(context));
                return;
            }
            if (plan.pass()) {
                if (plan.addApprovalAction()) {
                    context.getAuthenticationSession().addRequiredAction(ConsentIds.APPROVAL_REQUIRED_ACTION);
                }
                context.success();
                return;
            }
            if (outcome.kind() == ConsentOutcome.Kind.REQUIRED) {
                endSessionsWithoutConsent(event);
            }
            blocked(plan.loginError());
            forgetIfFirstLogin(outcome);
            LoginFormsProvider form = context.form();
            plan.attributes().forEach(form::setAttribute);
            if (plan.error() != null) {
                form.setError(plan.error());
            } else if (plan.info() != null) {
                form.setInfo(plan.info());
            }
            context.challenge(plan.errorPage()
                    ? form.createErrorPage(outcome.kind() == ConsentOutcome.Kind.MISCONFIGURED
                            ? Response.Status.INTERNAL_SERVER_ERROR : Response.Status.BAD_REQUEST)
                    : form.createForm(plan.template()));
        }

        /**
         * No consent in force (revoked in Gosuslugi, or on the platform without us hearing of it): the student's
         * sessions and offline tokens of this client obtained under the old consent end too.
         */
        private void endSessionsWithoutConsent(EventBuilder event) {
            UserModel user = context.getUser();
            if (user == null) {
                return;
            }
            try {
                EndedSessions ended = new KeycloakStudentSessions(context.getSession(), context.getRealm())
                        .end(user, context.getAuthenticationSession().getClient());
                if (ended.online() + ended.offline() > 0) {
                    event.detail(EndedSessions.DETAIL_ONLINE, Integer.toString(ended.online()))
                            .detail(EndedSessions.DETAIL_OFFLINE, Integer.toString(ended.offline()));
                    LOG.infof("consent check: no consent in force for client '%s': %d session(s) and %d offline "
                            + "session(s) of the student ended", login.clientId(), ended.online(), ended.offline());
                }
            } catch (RuntimeException e) {
                LOG.warnf("consent check: the student's sessions of client '%s' could not be ended (%s)",
                        login.clientId(), e.getClass().getName());
            }
        }

        /** A minor refused at their first login: nothing about them stays (see {@link RefusedFirstLogin}). */
        private void forgetIfFirstLogin(ConsentOutcome outcome) {
            AuthenticationSessionModel authSession = context.getAuthenticationSession();
            UserModel user = context.getUser();
            if (user == null || forgotten() || !RefusedFirstLogin.forgets(outcome, login.role(),
                    "true".equals(authSession.getAuthNote(KEYCLOAK_NEW_USER_NOTE)))) {
                return;
            }
            authSession.setAuthNote(NOTE_FORGOTTEN, "true");
            context.getEvent().detail(DETAIL_FORGOTTEN, "true");
            RefusedFirstLoginCleanup.afterThisRequest(context.getSession(), context.getRealm(), user, login.oid(),
                    authSession.getAuthNote(LoginNotes.LINKED_ACCOUNTS));
        }

        private boolean forgotten() {
            return "true".equals(context.getAuthenticationSession().getAuthNote(NOTE_FORGOTTEN));
        }

        /** English, technical, no personal data. */
        private void log(ConsentOutcome outcome, String sourceId) {
            switch (outcome.kind()) {
                case UNAVAILABLE -> LOG.warnf("consent check: source '%s' unavailable during login to client '%s' (%s); "
                        + "login blocked", sourceId, login.clientId(), outcome.reason());
                case MISCONFIGURED -> LOG.errorf("consent check: %s; check the step's «Источник согласий» setting",
                        outcome.reason());
                case BIRTH_DATE_MISMATCH -> LOG.warnf("consent check: the birth dates of the ESIA person and of the "
                        + "student account differ in a login to client '%s'; login refused", login.clientId());
                case NO_PERSON -> LOG.warnf("consent check: login to client '%s' carries no ESIA person; login blocked",
                        login.clientId());
                default -> LOG.debugf("consent check: %s (source '%s', client '%s')", outcome.kind().eventValue(), sourceId,
                        login.clientId());
            }
        }

        /**
         * A LOGIN_ERROR for the blocked attempt while the page is shown. Neither {@code challenge} nor
         * {@code failureChallenge} writes an event; {@code failureChallenge} only counts a brute-force failure, which
         * would lock out a student who presses «Согласие получено — войти» a few times. The flow's own event
         * (IDENTITY_PROVIDER_POST_LOGIN) is sent by Keycloak after the step and must stay untouched, hence a clone.
         */
        private void blocked(String error) {
            // Keycloak's broker detail is the username esia-<oid>: not in the events this step writes.
            EventBuilder blocked = context.getEvent().clone().event(EventType.LOGIN)
                    .removeDetail(Details.IDENTITY_PROVIDER_USERNAME);
            if (context.getUser() != null) {
                blocked.user(context.getUser());
            }
            blocked.error(error);
        }
    }

    /** Reads role, person, token and ESIA address of this login. */
    static LoginFacts readLogin(AuthenticationFlowContext context, ConsentCheckSettings settings) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        ThisLogin login = ThisLogin.of(context);
        BrokeredEsiaPerson person = login.person().orElse(null);

        RegistryRole role = Roles.parse(authSession.getUserSessionNotes().get(ProfileNotes.ROLE))
                .or(login::chosenRole).orElse(null);
        String oid = login.oid(context.getSession(), context.getUser());
        if (oid != null && person == null) {
            LOG.warnf("consent check: no readable ESIA person data in this login to client '%s'; birth date unknown",
                    authSession.getClient().getClientId());
        } else if (person != null && person.birthDate() == null) {
            LOG.warnf("consent check: ESIA sent no birth date in this login to client '%s'; treated as a minor",
                    authSession.getClient().getClientId());
        }
        String registryId = authSession.getUserSessionNotes().get(ProfileNotes.REGISTRY_ID);
        registryId = registryId == null || registryId.isEmpty() ? null : registryId;
        // The student account's own birth date: whoever holds a minor's account is checked as that minor.
        LocalDate accountBirthDate = null;
        boolean accountUnreadable = false;
        if (registryId != null) {
            try {
                accountBirthDate = Registry.of(context.getSession()).findById(registryId)
                        .filter(account -> account.role() == RegistryRole.STUDENT)
                        .map(RegistryAccount::birthDate).orElse(null);
            } catch (RegistryUnavailableException e) {
                accountUnreadable = true;
            }
        }
        ClientModel client = authSession.getClient();
        return new LoginFacts(role, context.getRealm().getId(), client.getClientId(), displayName(client), oid,
                person == null ? null : person.birthDate(), registryId, login.esiaAccessToken(),
                esiaBaseUrl(settings, login.identityProvider()), accountBirthDate, accountUnreadable);
    }

    /** The client's name as parents see it; the client id when the name is empty or a message key. */
    static String displayName(ClientModel client) {
        String name = client.getName();
        return name == null || name.isBlank() || name.startsWith("${") ? client.getClientId() : name.strip();
    }

    /** The setting's override, or the base URL of the ESIA identity provider that brokered this login. */
    static String esiaBaseUrl(ConsentCheckSettings settings, IdentityProviderModel idp) {
        if (settings.esiaConsentApiUrl() != null) {
            return settings.esiaConsentApiUrl();
        }
        if (idp == null || !EsiaIdentityProviderFactory.PROVIDER_ID.equals(idp.getProviderId())) {
            return null;
        }
        return ConsentCheckSettings.baseUrl(new EsiaIdentityProviderConfig(idp).getBaseUrl());
    }

    /** {@link RequestMemory} in an auth note: per login, cluster-safe. */
    static final class AuthNoteMemory implements RequestMemory {

        private final AuthenticationSessionModel authSession;

        AuthNoteMemory(AuthenticationSessionModel authSession) {
            this.authSession = authSession;
        }

        @Override
        public boolean requested() {
            return authSession.getAuthNote(NOTE_REQUESTED) != null;
        }

        @Override
        public void remember(ConsentRequestOutcome outcome) {
            String id = outcome.requestId();
            authSession.setAuthNote(NOTE_REQUESTED, id == null || id.isBlank() ? "-" : id);
            rememberMail(outcome.mail());
        }

        @Override
        public RequestMail mail() {
            String mail = authSession.getAuthNote(NOTE_MAIL);
            try {
                return mail == null ? RequestMail.NONE : RequestMail.valueOf(mail);
            } catch (IllegalArgumentException e) {
                return RequestMail.NONE;
            }
        }

        @Override
        public void rememberMail(RequestMail mail) {
            authSession.setAuthNote(NOTE_MAIL, mail.name());
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
