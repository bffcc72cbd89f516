package ru.esiaedu.linker.link;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Condition {@code esia-linker-next-is} for the link / request sub-flows of first broker login. */
public final class LinkerNextConditionFactory implements ConditionalAuthenticatorFactory {

    public static final String PROVIDER_ID = "esia-linker-next-is";
    public static final String CONFIG_VALUE = "value";

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(CONFIG_VALUE)
            .label("Следующий шаг (Next step)")
            .helpText("Подпоток выполняется, когда на предыдущем шаге человек выбрал это действие: link — «Привязать "
                    + "учётную запись», request — «Обратиться в организацию». / The sub-flow runs when the previous "
                    + "step chose this action: link or request.")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(LinkerNotes.NEXT_LINK, LinkerNotes.NEXT_REQUEST)
            .defaultValue(LinkerNotes.NEXT_LINK)
            .add()
            .build();

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.DISABLED
    };

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Условие — ЕСИА: выбран шаг привязки (Condition - ESIA linker next step)";
    }

    @Override
    public String getHelpText() {
        return "Истинно, когда шаг сопоставления с реестром выбрал «Привязать учётную запись» (link) или «Обратиться "
                + "в организацию» (request). / True when the registry-match step chose link or request.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public ConditionalAuthenticator getSingleton() {
        return LinkerNextCondition.SINGLETON;
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
