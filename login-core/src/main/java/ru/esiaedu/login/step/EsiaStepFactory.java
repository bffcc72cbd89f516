package ru.esiaedu.login.step;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What every factory of an ESIA login step shares: stateless authenticators (no lifecycle work) that never
 * set up a user themselves, REQUIRED or DISABLED in a flow, configurable exactly when they have
 * settings. Subclasses keep only what is theirs: id, texts, settings, other requirement choices.
 */
public abstract class EsiaStepFactory implements AuthenticatorFactory {

    private static final Requirement[] REQUIRED_OR_DISABLED = {Requirement.REQUIRED, Requirement.DISABLED};

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIRED_OR_DISABLED.clone();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public boolean isConfigurable() {
        return !getConfigProperties().isEmpty();
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
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
