package ru.esiaedu.consent.registry.approval;

import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import ru.esiaedu.consent.ConsentIds;
import ru.esiaedu.consent.access.ConsentEndsAccess;
import ru.esiaedu.consent.access.EndedSessions;
import ru.esiaedu.consent.access.KeycloakStudentSessions;
import ru.esiaedu.consent.registry.RegistryConsentEvents;
import ru.esiaedu.login.step.Registry;
import ru.esiaedu.login.step.ThisLogin;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/**
 * Required action {@code esia-consent-approval} (registry consent source): the page «Согласия на обработку данных
 * детей» where a parent approves or declines the requests addressed to their registry accounts and revokes the
 * consents they gave. Added to the login by the consent-check step when requests wait, or asked for by the link
 * in the e-mail ({@code kc_action=esia-consent-approval}, application-initiated). «Продолжить» always finishes it,
 * also when the registry is down: deciding later is allowed, the login is not blocked.
 */
public final class ConsentApprovalRequiredAction implements RequiredActionProvider {

    private static final Logger LOG = Logger.getLogger(ConsentApprovalRequiredAction.class);

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    /** Nothing to evaluate: the consent-check step adds this action to the login when requests wait. */
    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        Optional<String> oid = esiaOid(context);
        if (oid.isEmpty()) {
            LOG.debugf("Consent approval skipped: user %s of realm %s has no ESIA identity", context.getUser().getId(),
                    context.getRealm().getName());
            context.success();
            return;
        }
        context.challenge(page(context, oid.get(), null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        Optional<String> oid = esiaOid(context);
        if (oid.isEmpty()) {
            context.success();
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        Optional<ApprovalCommand> command = ApprovalCommand.parse(form.getFirst(ApprovalCommand.FORM_FIELD));
        if (command.isEmpty()) {
            context.challenge(page(context, oid.get(), ApprovalResult.refused()));
            return;
        }
        if (command.get().kind() == ApprovalCommand.Kind.CONTINUE) {
            context.success();
            return;
        }
        ApprovalResult result;
        SchoolRegistryProvider registry;
        try {
            registry = Registry.of(context.getSession());
            result = new ApprovalActions(registry, oid.get(), ConsentIds.CONSENT_TEXT_VERSION).apply(command.get());
        } catch (RegistryUnavailableException e) {
            LOG.warnf("School registry unavailable on the consent approval page (realm %s): %s",
                    context.getRealm().getName(), e.getClass().getSimpleName());
            context.challenge(render(context, ApprovalPage.registryUnavailable(), null));
            return;
        }
        // A revocation ends the student's sessions and offline tokens of the client now, not at the next login.
        EndedSessions ended = result.accessToEndNow()
                .map(access -> new ConsentEndsAccess(registry,
                        new KeycloakStudentSessions(context.getSession(), context.getRealm())).end(access))
                .orElse(EndedSessions.NONE);
        result.eventToRecord().ifPresent(event -> record(context, event, ended));
        if (result.outcome() == ApprovalResult.Outcome.REFUSED) {
            refused(context, command.get());
        }
        context.challenge(page(context, oid.get(), result));
    }

    private static void record(RequiredActionContext context, ConsentEvent event, EndedSessions ended) {
        EventBuilder builder = context.getEvent().clone().event(event.type());
        event.details().forEach(builder::detail);
        if (event.type() == EventType.REVOKE_GRANT) {
            builder.detail(RegistryConsentEvents.ENDED_SESSIONS, Integer.toString(ended.online()))
                    .detail(RegistryConsentEvents.ENDED_OFFLINE_SESSIONS, Integer.toString(ended.offline()));
        }
        builder.success();
        LOG.infof("Consent %s (realm %s)", event.type(), context.getRealm().getName());
        LOG.debugf("Consent %s on request %d", event.type(), event.requestId());
    }

    /** A forged, foreign or unknown id: an error event (the id only), nothing done. */
    private static void refused(RequiredActionContext context, ApprovalCommand command) {
        EventType type = switch (command.kind()) {
            case APPROVE -> EventType.GRANT_CONSENT;
            case DECLINE -> EventType.UPDATE_CONSENT;
            default -> EventType.REVOKE_GRANT;
        };
        context.getEvent().clone().event(type)
                .detail(RegistryConsentEvents.SOURCE, ConsentIds.SOURCE_REGISTRY)
                .detail(command.kind() == ApprovalCommand.Kind.REVOKE ? RegistryConsentEvents.CONSENT_ID
                        : RegistryConsentEvents.REQUEST_ID, Long.toString(command.id()))
                .error(Errors.NOT_ALLOWED);
        LOG.warnf("Consent approval refused: %s %d is not addressed to user %s of realm %s", command.kind(),
                command.id(), context.getUser().getId(), context.getRealm().getName());
    }

    private static Response page(RequiredActionContext context, String oid, ApprovalResult flash) {
        ApprovalPage page;
        try {
            page = ApprovalPage.load(Registry.of(context.getSession()), oid, clientNames(context.getRealm()));
        } catch (RegistryUnavailableException e) {
            LOG.warnf("School registry unavailable while showing the consent approval page (realm %s): %s",
                    context.getRealm().getName(), e.getClass().getSimpleName());
            page = ApprovalPage.registryUnavailable();
        }
        return render(context, page, flash);
    }

    private static Response render(RequiredActionContext context, ApprovalPage page, ApprovalResult flash) {
        LoginFormsProvider form = context.form();
        page.attributes(ConsentIds.CONSENT_TEXT_VERSION, ZoneId.systemDefault()).forEach(form::setAttribute);
        if (flash != null) {
            if (flash.success()) {
                form.setSuccess(flash.messageKey());
            } else {
                form.setError(flash.messageKey());
            }
        }
        return form.createForm(ApprovalPage.TEMPLATE);
    }

    /** The client system's name as the admin console shows it, else its client id. */
    static Function<String, String> clientNames(RealmModel realm) {
        return clientId -> {
            ClientModel client = realm.getClientByClientId(clientId);
            String name = client == null ? null : client.getName();
            return name == null || name.isBlank() || name.startsWith("${") ? clientId : name;
        };
    }

    private static Optional<String> esiaOid(RequiredActionContext context) {
        return Optional.ofNullable(ThisLogin.federatedOid(context.getSession(), context.getRealm(), context.getUser()));
    }

    @Override
    public void close() {
    }
}
