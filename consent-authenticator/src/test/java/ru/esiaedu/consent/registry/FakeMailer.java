package ru.esiaedu.consent.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.keycloak.email.EmailException;

import ru.esiaedu.consent.source.ConsentSubject;

/** Records what would be sent; can fail for chosen addresses. */
final class FakeMailer implements ConsentMailer {

    record Sent(String address, ConsentRequestEmail email) {
    }

    final List<Sent> sent = new ArrayList<>();
    final List<String> failFor = new ArrayList<>();
    final List<Boolean> linksAsked = new ArrayList<>();
    String link = "https://id.example.ru/realms/school/protocol/openid-connect/auth?client_id=school-portal";

    @Override
    public ConsentMailTexts texts() {
        return ConsentMailTexts.defaults();
    }

    @Override
    public Optional<String> link(ConsentSubject subject, boolean forParent) {
        linksAsked.add(forParent);
        return Optional.ofNullable(link);
    }

    @Override
    public void send(String address, ConsentRequestEmail email) throws EmailException {
        if (failFor.contains(address)) {
            throw new EmailException("could not send to " + address);
        }
        sent.add(new Sent(address, email));
    }
}
