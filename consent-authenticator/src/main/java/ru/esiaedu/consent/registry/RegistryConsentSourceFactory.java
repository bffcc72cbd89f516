package ru.esiaedu.consent.registry;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import ru.esiaedu.consent.ConsentIds;
import ru.esiaedu.consent.source.ConsentSource;
import ru.esiaedu.consent.source.ConsentSourceFactory;
import ru.esiaedu.login.age.KeycloakClock;
import ru.esiaedu.login.step.Registry;

/** Consent source {@code registry}: «Реестр школ (согласия на платформе)». */
public final class RegistryConsentSourceFactory implements ConsentSourceFactory {

    public static final String ID = ConsentIds.SOURCE_REGISTRY;

    @Override
    public ConsentSource create(KeycloakSession session) {
        return new RegistryConsentSource(() -> Registry.of(session), subject -> KeycloakConsentMailer.forSubject(session, subject),
                KeycloakClock.UTC);
    }

    @Override
    public String getDisplayName() {
        return "Реестр школ (согласия на платформе)";
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
