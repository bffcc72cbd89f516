package ru.esiaedu.linker.role;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import ru.esiaedu.login.step.EsiaStepFactory;

/** Browser flow: «Войти с ролью», before Keycloak's identity-provider-redirector. */
public final class RolePickerAuthenticatorFactory extends EsiaStepFactory {

    public static final String ID = "esia-role-picker";
    static final String CONFIG_ROLES = "roles";

    private static final RolePickerAuthenticator SINGLETON = new RolePickerAuthenticator();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "ЕСИА: выбор роли (Choose role before ESIA)";
    }

    @Override
    public String getHelpText() {
        return "Страница «Войти с ролью»: родители, учащиеся, педагоги и сотрудники. Не показывается, если клиент передал "
                + "role=parent|student|staff в запросе авторизации. Ставится перед «Identity Provider Redirector» (esia). / "
                + "Asks for the role before the ESIA redirect; skipped when the client sends role=parent|student|staff.";
    }

    @Override
    public String getReferenceCategory() {
        return "esia-role";
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(CONFIG_ROLES)
                .label("Роли на странице / Roles offered")
                .helpText("Какие роли предлагать (по умолчанию все три). Если выбрана одна — страница не показывается. / "
                        + "Roles to offer (all three by default); with one role the page is skipped.")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                .options("PARENT", "STUDENT", "STAFF")
                .defaultValue("PARENT##STUDENT##STAFF")
                .add()
                .build();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
