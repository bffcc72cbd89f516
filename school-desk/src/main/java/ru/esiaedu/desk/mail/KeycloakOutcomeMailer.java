package ru.esiaedu.desk.mail;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import ru.esiaedu.desk.service.OutcomeMailer;
import ru.esiaedu.registry.school.InboxRequest;

/**
 * Sends {@link OutcomeMail} with the realm's SMTP settings through Keycloak's {@link EmailSenderProvider} (as the
 * request step does when the request is sent). SMTP down or no address: the school's action stands, the page says
 * the mail was not sent.
 */
public final class KeycloakOutcomeMailer implements OutcomeMailer {

    private static final Logger LOG = Logger.getLogger(KeycloakOutcomeMailer.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    public KeycloakOutcomeMailer(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @Override
    public boolean send(InboxRequest request) {
        String address = request.contactEmail();
        if (address == null || address.isBlank()) {
            return false;
        }
        OutcomeMail mail = OutcomeMail.of(request, realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName());
        try {
            EmailSenderProvider sender = session.getProvider(EmailSenderProvider.class);
            if (sender == null || realm.getSmtpConfig() == null || realm.getSmtpConfig().isEmpty()) {
                LOG.warnf("Request %d: outcome e-mail not sent, realm %s has no SMTP settings", request.id(), realm.getName());
                return false;
            }
            sender.send(realm.getSmtpConfig(), address, mail.subject(), mail.textBody(), null);
            return true;
        } catch (EmailException | RuntimeException e) {
            // The mail library's message may quote the address: log only the type.
            LOG.warnf("Request %d: outcome e-mail could not be sent (realm %s, %s)", request.id(), realm.getName(),
                    e.getClass().getName());
            return false;
        }
    }
}
