package ru.esiaedu.consent.registry;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;
import org.keycloak.urls.UrlType;

import ru.esiaedu.consent.source.ConsentSubject;

/**
 * Keycloak's side of the notifications: the realm's SMTP settings through {@link EmailSenderProvider} (as the
 * access-request step does), texts from the realm's login theme, the link from the realm's frontend URL and the
 * client's Home/Root URL.
 */
final class KeycloakConsentMailer implements ConsentMailer {

    private static final Logger LOG = Logger.getLogger(KeycloakConsentMailer.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private ConsentMailTexts texts;

    KeycloakConsentMailer(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The realm of the login (the subject's realm when the context has none). */
    static KeycloakConsentMailer forSubject(KeycloakSession session, ConsentSubject subject) {
        RealmModel realm = session.getContext().getRealm();
        if (realm == null || (subject.realmId() != null && !subject.realmId().equals(realm.getId()))) {
            realm = session.realms().getRealm(subject.realmId());
        }
        return new KeycloakConsentMailer(session, realm);
    }

    @Override
    public ConsentMailTexts texts() {
        if (texts == null) {
            Locale locale = locale();
            Properties messages = new Properties();
            try {
                messages = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Consent e-mail: login theme messages unavailable in realm %s (%s); built-in texts used",
                        realm.getName(), e.getClass().getName());
            }
            Properties bundle = messages;
            texts = ConsentMailTexts.of(bundle::getProperty, locale);
        }
        return texts;
    }

    /** Parents' language is unknown: the realm's default locale when localisation is on, else Russian. */
    private Locale locale() {
        if (realm.isInternationalizationEnabled() && realm.getDefaultLocale() != null) {
            return Locale.forLanguageTag(realm.getDefaultLocale());
        }
        return Locale.forLanguageTag("ru");
    }

    /** Client attribute Keycloak keeps the required PKCE method in ("S256"/"plain"; blank = not required). */
    static final String PKCE_METHOD_ATTRIBUTE = "pkce.code.challenge.method";

    @Override
    public Optional<String> link(ConsentSubject subject, boolean forParent) {
        ClientModel client = realm.getClientByClientId(subject.clientId());
        if (client == null) {
            return Optional.empty();
        }
        String frontend = session.getContext().getUri(UrlType.FRONTEND).getBaseUri().toString();
        String pkce = client.getAttribute(PKCE_METHOD_ATTRIBUTE);
        Optional<String> link = pkce != null && !pkce.isBlank()
                ? ApprovalLink.homePage(frontend, client.getRootUrl(), client.getBaseUrl())
                : ApprovalLink.build(frontend, realm.getName(), client.getClientId(), client.getRootUrl(),
                        client.getBaseUrl(), forParent);
        if (link.isEmpty()) {
            LOG.warnf("Consent e-mail without a link: client %s of realm %s has neither a Home URL nor a Root URL",
                    client.getClientId(), realm.getName());
        }
        return link;
    }

    @Override
    public void send(String address, ConsentRequestEmail email) throws EmailException {
        EmailSenderProvider sender = session.getProvider(EmailSenderProvider.class);
        if (sender == null) {
            throw new EmailException("no e-mail sender provider");
        }
        sender.send(realm.getSmtpConfig(), address, email.subject(), email.textBody(), email.htmlBody());
    }
}
