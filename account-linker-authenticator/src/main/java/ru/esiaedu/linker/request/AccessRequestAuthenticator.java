package ru.esiaedu.linker.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.linker.link.LinkerSupport;
import ru.esiaedu.linker.support.FullName;
import ru.esiaedu.registry.AccessRequest;
import ru.esiaedu.registry.AccessRequestReceipt;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.linker.LinkerNotes;
import ru.esiaedu.login.ChosenRole;
import ru.esiaedu.login.step.Registry;
import ru.esiaedu.login.step.ThisLogin;

/**
 * «Обратиться в организацию»: a confirmed ESIA person with no matching registry account sends the
 * school a request (child's name, organisation, class, e-mail), sees its number and gets an e-mail. The login
 * ends here: there is no account yet, so the page offers «Выход» back to the login page.
 */
public final class AccessRequestAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(AccessRequestAuthenticator.class);

    static final String PAGE_FORM = "esia-request.ftl";
    static final String PAGE_DONE = "esia-request-done.ftl";
    static final String EVENT_DETAIL_NUMBER = "access_request_number";
    static final String EVENT_ERROR_SENT = "esia_access_request_sent";
    static final String EVENT_ERROR_LIMIT = "esia_access_request_limit";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<Eligible> eligible = eligible(context);
        if (eligible.isEmpty()) {
            return;
        }
        AccessRequestForm prefill = new AccessRequestForm("", "", "", "",
                eligible.get().person().verifiedEmail() == null ? "" : eligible.get().person().verifiedEmail());
        showForm(context, eligible.get().person(), prefill, Map.of());
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<Eligible> eligible = eligible(context);
        if (eligible.isEmpty()) {
            return;
        }
        BrokeredEsiaPerson person = eligible.get().person();
        RegistryRole role = eligible.get().role();
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        AccessRequestForm form = AccessRequestForm.read(formData::getFirst);

        RealmModel realm = context.getRealm();
        List<Organisation> organisations;
        try {
            organisations = Registry.of(context.getSession()).organisations();
        } catch (RegistryUnavailableException e) {
            showUnavailable(context, "listing organisations");
            return;
        }
        Map<String, String> errors = form.validate(organisations);
        if (!errors.isEmpty()) {
            showForm(context, person, form, errors);
            return;
        }

        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String loginId = authSession.getParentSession().getId() + "." + authSession.getTabId();
        String requestKey = RequestKeys.requestKey(loginId, person.oid(), role.name(), form);
        AccessRequestReceipt receipt;
        try {
            receipt = Registry.of(context.getSession()).createAccessRequest(new AccessRequest(requestKey,
                    person.oid(), role, form.childFullName(), form.organisationType(), form.organisationId(),
                    form.className().isEmpty() ? null : form.className(), form.contactEmail(), dailyLimit(context),
                    FullName.of(person.lastName(), person.firstName(), person.middleName())));
        } catch (RegistryUnavailableException e) {
            showUnavailable(context, "creating an access request");
            return;
        }
        if (receipt.limitReached()) {
            LinkerSupport.event(context).detail("reason", "daily limit of access requests reached")
                    .error(EVENT_ERROR_LIMIT);
            showForm(context, person, form, Map.of(), "esiaRequestDailyLimit");
            return;
        }
        authSession.setAuthNote(LinkerNotes.REQUEST_NUMBER, receipt.number());
        if (receipt.created()) {
            String organisationName = form.organisation(organisations).map(Organisation::name).orElse(null);
            if (!sendNotification(context.getSession(), realm, receipt.number(), organisationName, form.contactEmail())) {
                authSession.setAuthNote(LinkerNotes.REQUEST_MAIL_FAILED, "true");
            }
        }
        // Not a login: the person has no account yet. The event carries the number, nothing about the child.
        LinkerSupport.event(context)
                .detail(EVENT_DETAIL_NUMBER, receipt.number())
                .detail("access_request_new", Boolean.toString(receipt.created()))
                .error(EVENT_ERROR_SENT);
        showDone(context);
    }

    /** Sends the notification; false (logged without the address) when it could not be sent. */
    private static boolean sendNotification(KeycloakSession session, RealmModel realm, String number,
                                            String organisationName, String address) {
        AccessRequestEmail email = AccessRequestEmail.build(number, organisationName,
                realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName());
        try {
            EmailSenderProvider sender = session.getProvider(EmailSenderProvider.class);
            sender.send(realm.getSmtpConfig(), address, email.subject(), email.textBody(), null);
            return true;
        } catch (EmailException | RuntimeException e) {
            // The exception text of the mail library may quote the address: log only its type.
            LOG.warnf("Access request %s: notification e-mail could not be sent (realm %s, %s)", number,
                    realm.getName(), e.getClass().getName());
            return false;
        }
    }

    private record Eligible(BrokeredEsiaPerson person, RegistryRole role) {
    }

    /**
     * Who may send a request: a confirmed ESIA account and, for parents, children filled in at
     * Gosuslugi. Staff are sent to their organisation's administrator. A request already sent in this login is
     * shown again instead of the form. Empty means a page has been shown.
     */
    private Optional<Eligible> eligible(AuthenticationFlowContext context) {
        Optional<BrokeredEsiaPerson> person = ThisLogin.of(context).person();
        Optional<RegistryRole> role = ChosenRole.read(context.getAuthenticationSession());
        if (person.isEmpty() || role.isEmpty()) {
            LOG.warnf("Access request step cannot run in realm %s: %s", context.getRealm().getName(),
                    person.isEmpty() ? "no ESIA person document in the brokered context" : "no role chosen");
            LinkerSupport.event(context).error(Errors.INVALID_REQUEST);
            context.failureChallenge(AuthenticationFlowError.INTERNAL_ERROR,
                    page(context, "error").setError("esiaLinkBrokenLogin").createForm(PAGE_FORM));
            return Optional.empty();
        }
        if (context.getAuthenticationSession().getAuthNote(LinkerNotes.REQUEST_NUMBER) != null) {
            showDone(context);
            return Optional.empty();
        }
        String refusal = null;
        if (role.get() == RegistryRole.STAFF) {
            refusal = "staff";
        } else if (!person.get().confirmedAccount()) {
            refusal = "notConfirmed";
        } else if (role.get() == RegistryRole.PARENT && requireChildren(context) && person.get().childNames().isEmpty()) {
            refusal = "noChildren";
        }
        if (refusal != null) {
            LinkerSupport.event(context).detail("reason", "access_request_" + refusal).error(Errors.NOT_ALLOWED);
            context.challenge(page(context, "conditions").setAttribute("esiaRequestRefusal", refusal).createForm(PAGE_FORM));
            return Optional.empty();
        }
        return Optional.of(new Eligible(person.get(), role.get()));
    }

    private void showForm(AuthenticationFlowContext context, BrokeredEsiaPerson person, AccessRequestForm form,
                          Map<String, String> errors) {
        showForm(context, person, form, errors, null);
    }

    /** The form again, with field errors and, when not null, one message for the whole page. */
    private void showForm(AuthenticationFlowContext context, BrokeredEsiaPerson person, AccessRequestForm form,
                          Map<String, String> errors, String pageError) {
        List<Organisation> organisations;
        try {
            organisations = Registry.of(context.getSession()).organisations();
        } catch (RegistryUnavailableException e) {
            showUnavailable(context, "listing organisations");
            return;
        }
        List<Map<String, String>> options = new ArrayList<>();
        for (Organisation organisation : organisations) {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("id", organisation.id());
            option.put("type", organisation.type());
            option.put("name", organisation.name());
            option.put("municipality", organisation.municipality() == null ? "" : organisation.municipality());
            options.add(option);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put(AccessRequestForm.FIELD_CHILD, form.childFullName());
        values.put(AccessRequestForm.FIELD_TYPE, form.organisationType());
        values.put(AccessRequestForm.FIELD_ORGANISATION, form.organisationId());
        values.put(AccessRequestForm.FIELD_CLASS, form.className());
        values.put(AccessRequestForm.FIELD_EMAIL, form.contactEmail());
        LoginFormsProvider provider = page(context, "form")
                .setAttribute("esiaRequestValues", values)
                .setAttribute("esiaRequestChildren", person.childNames())
                .setAttribute("esiaRequestTypes", OrganisationTypes.ALL)
                .setAttribute("esiaRequestOrganisations", options);
        errors.forEach((field, key) -> provider.addError(new FormMessage(field, key)));
        if (pageError != null) {
            provider.setError(pageError);
        }
        context.challenge(provider.createForm(PAGE_FORM));
    }

    private static void showDone(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        context.challenge(context.form()
                .setAttribute("esiaRequestNumber", authSession.getAuthNote(LinkerNotes.REQUEST_NUMBER))
                .setAttribute("esiaRequestMailFailed", "true".equals(authSession.getAuthNote(LinkerNotes.REQUEST_MAIL_FAILED)))
                .createForm(PAGE_DONE));
    }

    private static void showUnavailable(AuthenticationFlowContext context, String doing) {
        LOG.warnf("School registry unavailable while %s (realm %s); no request created", doing, context.getRealm().getName());
        context.challenge(page(context, "unavailable").setError("esiaRegistryUnavailable").createForm(PAGE_FORM));
    }

    private static LoginFormsProvider page(AuthenticationFlowContext context, String mode) {
        return context.form().setAttribute("esiaRequestMode", mode);
    }

    /** The step's {@code requestsPerDay}; missing or not a positive number: the default. */
    static int dailyLimit(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        String value = config == null || config.getConfig() == null ? null
                : config.getConfig().get(AccessRequestAuthenticatorFactory.CONFIG_DAILY_LIMIT);
        try {
            int limit = value == null ? AccessRequest.DEFAULT_DAILY_LIMIT : Integer.parseInt(value.strip());
            return limit > 0 ? limit : AccessRequest.DEFAULT_DAILY_LIMIT;
        } catch (NumberFormatException e) {
            return AccessRequest.DEFAULT_DAILY_LIMIT;
        }
    }

    private static boolean requireChildren(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        String value = config == null || config.getConfig() == null ? null
                : config.getConfig().get(AccessRequestAuthenticatorFactory.CONFIG_REQUIRE_CHILDREN);
        return value == null || Boolean.parseBoolean(value);
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
