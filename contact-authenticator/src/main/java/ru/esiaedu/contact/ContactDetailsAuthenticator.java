package ru.esiaedu.contact;

import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.login.step.ThisLogin;

/**
 * First broker login, after the user is created: «Контактные данные» for a person Gosuslugi gave no confirmed e-mail —
 * the address («Необходима для восстановления пароля») and the two journal mail choices. The decision and the form are
 * {@link ContactStep}'s; this class reads the login, renders the page, writes the events. Nothing personal goes into
 * the server log.
 */
final class ContactDetailsAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(ContactDetailsAuthenticator.class);

    static final String TEMPLATE = "esia-contact-details.ftl";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        finish(context, step(context).start(esiaVerifiedEmail(context), account(context)));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        UserModel user = context.getUser();
        finish(context, step(context).submit(esiaVerifiedEmail(context), account(context), form::getFirst,
                address -> EmailOwners.usedByAnotherUser(context.getSession(), context.getRealm(), user, address,
                        settings(context))));
    }

    private static void finish(AuthenticationFlowContext context, ContactOutcome outcome) {
        if (outcome.question() == ContactQuestion.NO_USER) {
            LOG.warnf("contact step: no user yet in this login to client '%s'; place the step after «Create User If "
                    + "Unique» in the first broker login flow", context.getAuthenticationSession().getClient().getClientId());
        }
        if (outcome.pass()) {
            EventBuilder event = context.getEvent();
            outcome.details().forEach(event::detail);
            LOG.debugf("contact step: %s", outcome.question().eventValue());
            context.success();
            return;
        }
        if (outcome.form() != null) {
            refused(context, outcome);
        }
        context.challenge(page(context, outcome));
    }

    /** The page of the question, with the form shown again and its error after a refused post. */
    private static Response page(AuthenticationFlowContext context, ContactOutcome outcome) {
        LoginFormsProvider form = context.form();
        ContactForm posted = outcome.form();
        Map<String, Object> values = posted == null ? ContactForm.blank().pageValues() : posted.pageValues();
        form.setAttribute("esiaContactMode", outcome.question() == ContactQuestion.CHOICES_ONLY ? "choices" : "email");
        form.setAttribute("esiaContactValues", values);
        if (outcome.question() == ContactQuestion.CHOICES_ONLY) {
            form.setAttribute("esiaContactEsiaEmail", esiaVerifiedEmail(context));
        }
        if (posted != null && !posted.valid()) {
            form.addError(new FormMessage(ContactForm.EMAIL, posted.error()));
        }
        return form.createForm(TEMPLATE);
    }

    /**
     * An audit event for the refused address (a typo, a list, someone else's address). Neither {@code challenge} nor
     * the flow's own event records it, and the flow's event must stay untouched, hence a clone. Keycloak's broker
     * detail (the username esia-&lt;oid&gt;) is dropped; the address is never in it.
     */
    private static void refused(AuthenticationFlowContext context, ContactOutcome outcome) {
        EventBuilder refused = context.getEvent().clone().event(EventType.UPDATE_EMAIL)
                .removeDetail(Details.IDENTITY_PROVIDER_USERNAME);
        outcome.details().forEach(refused::detail);
        if (context.getUser() != null) {
            refused.user(context.getUser());
        }
        refused.error(ContactForm.TAKEN.equals(outcome.form().error()) ? Errors.EMAIL_IN_USE : Errors.INVALID_EMAIL);
    }

    private static ContactStep step(AuthenticationFlowContext context) {
        return new ContactStep(settings(context));
    }

    private static ContactSettings settings(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        return ContactSettings.from(config == null ? null : config.getConfig());
    }

    private static ContactAccount account(AuthenticationFlowContext context) {
        return context.getUser() == null ? null : new UserContactAccount(context.getUser());
    }

    /** The address Gosuslugi confirmed at this login (the person document keeps only confirmed contacts). */
    private static String esiaVerifiedEmail(AuthenticationFlowContext context) {
        return ThisLogin.of(context).person().map(BrokeredEsiaPerson::verifiedEmail).orElse(null);
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
