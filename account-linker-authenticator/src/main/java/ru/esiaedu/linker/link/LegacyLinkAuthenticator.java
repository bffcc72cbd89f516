package ru.esiaedu.linker.link;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;
import ru.esiaedu.linker.LinkerNotes;
import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.login.ChosenRole;
import ru.esiaedu.login.step.Registry;
import ru.esiaedu.login.LoginNotes;
import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.login.step.ThisLogin;

/**
 * «Привязать учётную запись»: the person picks the organisation and types the login and password of
 * the school system for the role chosen earlier; the registry checks them and records that this ESIA person owns
 * the account. Acts only when the flow sent the person here (see {@link ru.esiaedu.linker.condition.LinkerNextCondition}).
 */
public final class LegacyLinkAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(LegacyLinkAuthenticator.class);

    static final String PAGE = "esia-link.ftl";
    static final String FIELD_ORGANISATION = "organisation";
    static final String FIELD_LOGIN = "username";
    static final String FIELD_PASSWORD = "password";
    static final String BUTTON_REQUEST = "request";
    static final String BUTTON_RETRY = "retry";
    /** «Найти» of the organisation search (the page's own form; without JavaScript the server shortens the list). */
    static final String BUTTON_SEARCH = "search";
    static final String FIELD_QUERY = "organisationQuery";
    static final String EVENT_DETAIL_METHOD = "link_method";
    /** Field limits: the registry's organisation id column, and well above any school system's login or password. */
    static final int MAX_ORGANISATION_ID = 64;
    static final int MAX_LOGIN = 100;
    static final int MAX_PASSWORD = 256;

    private final Clock clock;

    public LegacyLinkAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<BrokeredEsiaPerson> person = ThisLogin.of(context).person();
        if (person.isEmpty()) {
            brokenLogin(context, "no ESIA person document in the brokered context");
            return;
        }
        if (ChosenRole.read(context.getAuthenticationSession()).isEmpty()) {
            brokenLogin(context, "no role chosen before the link page");
            return;
        }
        showStart(context, person.get(), null, null);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<BrokeredEsiaPerson> person = ThisLogin.of(context).person();
        if (person.isEmpty()) {
            brokenLogin(context, "no ESIA person document in the brokered context");
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(BUTTON_REQUEST)) {
            // «Обратиться в организацию»: the request sub-flow (placed after this one) takes over.
            context.getAuthenticationSession().setAuthNote(LinkerNotes.NEXT, LinkerNotes.NEXT_REQUEST);
            context.success();
            return;
        }
        if (form.containsKey(BUTTON_RETRY)) {
            showStart(context, person.get(), null, null);
            return;
        }
        if (form.containsKey(BUTTON_SEARCH)) {
            // Not a login attempt: nothing is counted, the form comes back with the shorter list.
            if (cutoff(context).isOpen(clock.instant())) {
                showForm(context, null, null, form, List.of(), null);
            } else {
                showStart(context, person.get(), null, null);
            }
            return;
        }
        if (!cutoff(context).isOpen(clock.instant())) {
            showStart(context, person.get(), null, null);
            return;
        }
        Optional<RegistryRole> role = ChosenRole.read(context.getAuthenticationSession());
        if (role.isEmpty()) {
            brokenLogin(context, "no role chosen before the link page");
            return;
        }
        String organisationId = trim(form.getFirst(FIELD_ORGANISATION));
        String login = trim(form.getFirst(FIELD_LOGIN));
        String password = form.getFirst(FIELD_PASSWORD);

        List<FormMessage> missing = new ArrayList<>();
        if (organisationId.isEmpty()) {
            missing.add(new FormMessage(FIELD_ORGANISATION, "esiaLinkOrganisationRequired"));
        }
        if (login.isEmpty()) {
            missing.add(new FormMessage(FIELD_LOGIN, "esiaLinkLoginRequired"));
        }
        if (password == null || password.isEmpty()) {
            missing.add(new FormMessage(FIELD_PASSWORD, "esiaLinkPasswordRequired"));
        }
        if (!missing.isEmpty()) {
            showForm(context, organisationId, login, form, missing, null);
            return;
        }
        if (organisationId.length() > MAX_ORGANISATION_ID || login.length() > MAX_LOGIN || password.length() > MAX_PASSWORD) {
            // No school login or password is that long: answered like a wrong one, without asking the registry or
            // counting (no password was checked), and nothing over-long goes back into the page.
            event(context).detail("reason", "link form field too long").error(Errors.INVALID_USER_CREDENTIALS);
            showForm(context, organisationId.length() > MAX_ORGANISATION_ID ? null : organisationId,
                    login.length() > MAX_LOGIN ? login.substring(0, MAX_LOGIN) : login, form, List.of(),
                    new FormMessage("esiaLinkInvalidCredentials"));
            return;
        }

        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        LinkAttemptGuard guard = new LinkAttemptGuard(new SingleUseAttemptStore(session.singleUseObjects()),
                AttemptPolicy.of(realm), clock);
        String oid = person.get().oid();
        List<String> keys = List.of(LinkAttemptGuard.personKey(realm.getId(), oid),
                LinkAttemptGuard.targetKey(realm.getId(), organisationId, role.get().name(), login));
        Optional<LinkAttemptGuard.Refusal> refused = guard.admit(keys);
        if (refused.isPresent()) {
            if (refused.get() == LinkAttemptGuard.Refusal.IN_FLIGHT) {
                // Another tab of this person (or another person on this login) is being checked right now.
                event(context).detail("reason", "another link attempt in flight").error(Errors.USER_TEMPORARILY_DISABLED);
                showForm(context, organisationId, login, form, List.of(), new FormMessage("esiaLinkAttemptInFlight"));
            } else {
                event(context).error(Errors.USER_TEMPORARILY_DISABLED);
                showForm(context, organisationId, login, form, List.of(),
                        lockMessage(guard.lockedFor(keys).orElse(Duration.ofMinutes(1))));
            }
            return;
        }

        // Admitted: the attempt already counts as a failure; only a successful link clears the counters.
        char[] secret = password.toCharArray();
        try {
            SchoolRegistryProvider registry = Registry.of(session);
            Optional<RegistryAccount> account = registry.checkLegacyLogin(organisationId, role.get(), login, secret);
            RegistryAccount found = account.orElse(null);
            boolean ownedElsewhere = found != null && found.esiaOid() != null && !found.esiaOid().equals(oid);
            if (found == null || ownedElsewhere || !registry.link(found.id(), oid, LinkRule.LEGACY_LOGIN)) {
                // A right password for an account someone else holds answers like a wrong one: the page must not
                // confirm a guessed password. The event says what happened.
                event(context).error(found == null ? Errors.INVALID_USER_CREDENTIALS : "esia_account_linked_to_another_person");
                showForm(context, organisationId, login, form, List.of(), guard.lockedFor(keys)
                        .map(LegacyLinkAuthenticator::lockMessage).orElse(new FormMessage("esiaLinkInvalidCredentials")));
                return;
            }
            // Linked: the counters of this person and this login start again.
            guard.recordSuccess(keys);
            AuthenticationSessionModel authSession = context.getAuthenticationSession();
            authSession.setAuthNote(LinkerNotes.ACCOUNTS, found.id());
            authSession.setAuthNote(LinkerNotes.RULE, LinkRule.LEGACY_LOGIN.name());
            AuthenticatorUtils.processRememberMe(context, form);
            context.getEvent().detail(EVENT_DETAIL_METHOD, LinkRule.LEGACY_LOGIN.name());
            context.success();
        } catch (RegistryUnavailableException e) {
            LOG.warnf("School registry unavailable on the legacy link page (realm %s); nothing linked", realm.getName());
            showUnavailable(context);
        } finally {
            Arrays.fill(secret, '\0');
            guard.finish(keys);
        }
    }

    /** The link form, or the «only the school can link now» page after the cut-off. */
    private void showStart(AuthenticationFlowContext context, BrokeredEsiaPerson person, String organisationId, String login) {
        SelfLinkCutoff cutoff = cutoff(context);
        if (!cutoff.isOpen(clock.instant())) {
            if (cutoff.isInvalid()) {
                LOG.warnf("Authenticator config selfLinkUntil of realm %s is not an ISO date; self-linking is closed",
                        context.getRealm().getName());
            }
            Response page = page(context, "closed")
                    .setAttribute("esiaLinkClosedSince", closedSince(context, cutoff))
                    .createForm(PAGE);
            context.challenge(page);
            return;
        }
        showForm(context, organisationId, login, null, List.of(), null);
    }

    private void showForm(AuthenticationFlowContext context, String organisationId, String login,
                          MultivaluedMap<String, String> form, List<FormMessage> fieldErrors, FormMessage error) {
        List<Organisation> organisations;
        try {
            organisations = Registry.of(context.getSession()).organisations();
        } catch (RegistryUnavailableException e) {
            LOG.warnf("School registry unavailable while listing organisations (realm %s)", context.getRealm().getName());
            showUnavailable(context);
            return;
        }
        String query = form == null || form.getFirst(FIELD_QUERY) == null ? "" : form.getFirst(FIELD_QUERY).trim();
        if (query.length() > OrganisationSearch.MAX_QUERY) {
            query = query.substring(0, OrganisationSearch.MAX_QUERY);
        }
        List<Organisation> shown = OrganisationSearch.filter(organisations, query);
        int matches = shown.size();
        if (organisationId != null && !organisationId.isEmpty() && shown.stream().noneMatch(o -> o.id().equals(organisationId))) {
            // The organisation already chosen stays selectable whatever was searched.
            List<Organisation> withSelected = new ArrayList<>(shown);
            organisations.stream().filter(o -> o.id().equals(organisationId)).findFirst().ifPresent(withSelected::add);
            shown = withSelected;
        }
        List<Map<String, String>> options = new ArrayList<>();
        for (Organisation organisation : shown) {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("id", organisation.id());
            option.put("name", organisation.name());
            option.put("municipality", organisation.municipality() == null ? "" : organisation.municipality());
            options.add(option);
        }
        LoginFormsProvider provider = page(context, "form")
                .setAttribute("esiaLinkOrganisations", options)
                .setAttribute("esiaLinkQuery", query)
                .setAttribute("esiaLinkMatches", matches)
                .setAttribute("esiaLinkSelected", organisationId == null ? "" : organisationId)
                .setAttribute("esiaLinkLogin", login == null ? "" : login)
                .setAttribute("esiaLinkRememberMe", form != null && "on".equalsIgnoreCase(form.getFirst("rememberMe")));
        fieldErrors.forEach(provider::addError);
        if (error != null) {
            provider.setError(error.getMessage(), error.getParameters());
        }
        context.challenge(provider.createForm(PAGE));
    }

    private void showUnavailable(AuthenticationFlowContext context) {
        context.challenge(page(context, "unavailable").setError("esiaRegistryUnavailable").createForm(PAGE));
    }

    private void brokenLogin(AuthenticationFlowContext context, String why) {
        LOG.warnf("Legacy link step cannot run in realm %s: %s", context.getRealm().getName(), why);
        event(context).error(Errors.INVALID_REQUEST);
        context.failureChallenge(AuthenticationFlowError.INTERNAL_ERROR,
                page(context, "error").setError("esiaLinkBrokenLogin").createForm(PAGE));
    }

    private static LoginFormsProvider page(AuthenticationFlowContext context, String mode) {
        return context.form().setAttribute("esiaLinkMode", mode);
    }

    private static FormMessage lockMessage(Duration remaining) {
        long minutes = LinkAttemptGuard.minutes(remaining);
        // {0} as text: MessageFormat would group digits; {1} is the Russian noun form for ru, unused by en.
        // FormMessage(String, String, Object...) would take the key as a field name: pass field = null.
        return new FormMessage(null, "esiaLinkTooManyAttempts", Long.toString(minutes), RussianPlural.minutes(minutes));
    }

    private static org.keycloak.events.EventBuilder event(AuthenticationFlowContext context) {
        return LinkerSupport.event(context).detail(EVENT_DETAIL_METHOD, LinkRule.LEGACY_LOGIN.name());
    }

    static SelfLinkCutoff cutoff(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        String value = config == null || config.getConfig() == null ? null
                : config.getConfig().get(LegacyLinkAuthenticatorFactory.CONFIG_SELF_LINK_UNTIL);
        return SelfLinkCutoff.parse(value);
    }

    /** «1 апреля 2025 г.» in Russian, «1 April 2025» otherwise; empty when the configured value was invalid. */
    private static String closedSince(AuthenticationFlowContext context, SelfLinkCutoff cutoff) {
        if (cutoff.firstClosedDay() == null) {
            return "";
        }
        Locale locale = context.getSession().getContext().resolveLocale(null);
        String pattern = "ru".equals(locale.getLanguage()) ? "d MMMM yyyy 'г.'" : "d MMMM yyyy";
        return DateTimeFormatter.ofPattern(pattern, locale).format(cutoff.firstClosedDay());
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    @Override
    public boolean requiresUser() {
        return false;
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
