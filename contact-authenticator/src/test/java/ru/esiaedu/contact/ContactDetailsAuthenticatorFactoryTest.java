package ru.esiaedu.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;

/** The console form of the step, and the demo realm that ships it switched off. */
class ContactDetailsAuthenticatorFactoryTest {

    private final ContactDetailsAuthenticatorFactory factory = new ContactDetailsAuthenticatorFactory();

    @Test
    void keycloakFindsTheFactory() {
        List<String> ids = new ArrayList<>();
        ServiceLoader.load(AuthenticatorFactory.class).forEach(f -> ids.add(f.getId()));
        assertThat(ids).contains(ContactDetailsAuthenticatorFactory.ID);
    }

    @Test
    void everySettingHasALabelAHelpTextAndTheDefaultTheStepUses() {
        List<ProviderConfigProperty> properties = factory.getConfigProperties();
        assertThat(properties).extracting(ProviderConfigProperty::getName).containsExactly(
                ContactSettings.ASK_CHOICES_WHEN_ESIA_EMAIL_VERIFIED, ContactSettings.ONE_PERSON_PER_ADDRESS);
        for (ProviderConfigProperty property : properties) {
            assertThat(property.getLabel()).as(property.getName()).isNotBlank();
            assertThat(property.getHelpText()).as(property.getName()).contains("по умолчанию").contains("default");
            assertThat(property.getType()).isEqualTo(ProviderConfigProperty.BOOLEAN_TYPE);
        }
        assertThat(properties.get(0).getDefaultValue()).isEqualTo(Boolean.toString(ContactSettings.defaults().askChoicesWhenEsiaEmailVerified()));
        assertThat(properties.get(1).getDefaultValue()).isEqualTo(Boolean.toString(ContactSettings.defaults().onePersonPerAddress()));
        assertThat(factory.isConfigurable()).isTrue();
        assertThat(factory.getRequirementChoices()).containsExactlyInAnyOrder(Requirement.REQUIRED, Requirement.DISABLED);
        assertThat(factory.getHelpText()).contains("Контактные данные", "VERIFY_EMAIL");
    }

    @Test
    void theDemoRealmHasTheStepSwitchedOffAfterTheUserIsCreatedAndHandsTheChoicesToThePortal() throws IOException {
        Path realm = Path.of(System.getProperty("user.dir")).getParent()
                .resolve("realm-export/src/main/resources/school-realm.json");
        JsonNode json = new ObjectMapper().readTree(Files.readString(realm));

        JsonNode flow = null;
        for (JsonNode f : json.path("authenticationFlows")) {
            if (f.path("alias").asText().equals(json.path("identityProviders").get(0).path("firstBrokerLoginFlowAlias").asText())) {
                flow = f;
            }
        }
        assertThat(flow).as("the first broker login flow of the ESIA provider").isNotNull();
        int createUser = -1;
        JsonNode contact = null;
        for (JsonNode execution : flow.path("authenticationExecutions")) {
            if ("idp-create-user-if-unique".equals(execution.path("authenticator").asText())) {
                createUser = execution.path("priority").asInt();
            }
            if (ContactDetailsAuthenticatorFactory.ID.equals(execution.path("authenticator").asText())) {
                contact = execution;
            }
        }
        assertThat(contact).isNotNull();
        assertThat(contact.path("requirement").asText()).isEqualTo("DISABLED");
        assertThat(contact.path("priority").asInt()).isGreaterThan(createUser).isGreaterThan(0);

        List<String> claims = new ArrayList<>();
        for (JsonNode client : json.path("clients")) {
            if ("school-portal".equals(client.path("clientId").asText())) {
                for (JsonNode mapper : client.path("protocolMappers")) {
                    JsonNode config = mapper.path("config");
                    if (List.of(ContactChoices.JOURNAL_MAIL_COPY, ContactChoices.MARK_READ_ON_OPEN)
                            .contains(config.path("user.attribute").asText())) {
                        assertThat(config.path("jsonType.label").asText()).isEqualTo("boolean");
                        assertThat(config.path("access.token.claim").asText()).isEqualTo("true");
                        claims.add(config.path("claim.name").asText());
                    }
                }
            }
        }
        assertThat(claims).containsExactlyInAnyOrder("journal_mail_copy", "mark_read_on_open");
    }
}
