package ru.esiaedu.consent.registry;

import java.util.Optional;

import org.keycloak.email.EmailException;

import ru.esiaedu.consent.source.ConsentSubject;

/** What the registry source needs to notify recipients; {@link KeycloakConsentMailer} in Keycloak, a fake in tests. */
public interface ConsentMailer {

    ConsentMailTexts texts();

    /** The link for the e-mail (see {@link ApprovalLink}); empty when the client has no Home/Root URL. */
    Optional<String> link(ConsentSubject subject, boolean forParent);

    /** Sends with the realm's SMTP settings. */
    void send(String address, ConsentRequestEmail email) throws EmailException;
}
