package ru.esiaedu.esia.broker;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.keycloak.broker.oidc.mappers.AbstractJsonUserAttributeMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.api.EsiaContact;
import ru.esiaedu.esia.api.EsiaDocument;
import ru.esiaedu.esia.api.EsiaKid;
import ru.esiaedu.esia.api.EsiaPerson;
import ru.esiaedu.esia.api.TestPersons;

import static org.assertj.core.api.Assertions.assertThat;

class EsiaIdentityMapperTest {

    private static final IdentityProviderModel IDP = idp();

    private static IdentityProviderModel idp() {
        IdentityProviderModel model = new IdentityProviderModel();
        model.setAlias("esia");
        model.setProviderId("esia");
        model.setEnabled(true);
        return model;
    }

    private static EsiaPerson parent() {
        return TestPersons.parentWithChild();
    }

    @Test
    void federatedIdIsTheOidAndUsernameIsPrefixPlusOid() {
        BrokeredIdentityContext identity = EsiaIdentityMapper.toBrokeredIdentity(parent(), AccountType.CONFIRMED, IDP, "esia-");

        assertThat(identity.getId()).isEqualTo("1000000101");
        assertThat(identity.getBrokerUserId()).isEqualTo("1000000101");
        assertThat(identity.getUsername()).isEqualTo("esia-1000000101");
        assertThat(identity.getFirstName()).isEqualTo("Диана");
        assertThat(identity.getLastName()).isEqualTo("Захарченко");
    }

    @Test
    void onlyTheVerifiedEmailAndMobileAreTaken() {
        BrokeredIdentityContext identity = EsiaIdentityMapper.toBrokeredIdentity(parent(), AccountType.CONFIRMED, IDP, "esia-");

        assertThat(identity.getEmail()).isEqualTo("Diana@Example.ru");
        assertThat(identity.getUserAttribute(EsiaUserAttributes.MOBILE)).isEqualTo("+7(910)4420232");
    }

    @Test
    void unverifiedContactsLeaveEmailAndMobileEmpty() {
        EsiaPerson person = EsiaPerson.builder("1000000107").firstName("Иван").lastName("Петров").trusted(true)
                .status(EsiaPerson.STATUS_REGISTERED)
                .addContact(new EsiaContact("1", EsiaContact.EML, "ivan@example.ru", false))
                .addContact(new EsiaContact("2", EsiaContact.MBT, "+7(901)1111111", false))
                .build();

        BrokeredIdentityContext identity = EsiaIdentityMapper.toBrokeredIdentity(person, AccountType.CONFIRMED, IDP, "esia-");

        assertThat(identity.getEmail()).isNull();
        assertThat(identity.getAttributes()).doesNotContainKey(EsiaUserAttributes.MOBILE);
    }

    @Test
    void schoolAttributesAreFilled() {
        BrokeredIdentityContext identity = EsiaIdentityMapper.toBrokeredIdentity(parent(), AccountType.CONFIRMED, IDP, "esia-");

        assertThat(identity.getUserAttribute(EsiaUserAttributes.MIDDLE_NAME)).isEqualTo("Набиевна");
        assertThat(identity.getUserAttribute(EsiaUserAttributes.BIRTH_DATE)).isEqualTo("1987-01-19");
        assertThat(identity.getUserAttribute(EsiaUserAttributes.GENDER)).isEqualTo("F");
        assertThat(identity.getUserAttribute(EsiaUserAttributes.SNILS)).isEqualTo("666-374-403 26");
        assertThat(identity.getUserAttribute(EsiaUserAttributes.ACCOUNT_TYPE)).isEqualTo("CONFIRMED");
        assertThat(identity.getUserAttribute(EsiaUserAttributes.TRUSTED)).isEqualTo("true");
    }

    @Test
    void documentsAndChildrenAreNoUserAttributesButReachTheLoginStepsThroughTheContext() throws Exception {
        BrokeredIdentityContext identity = EsiaIdentityMapper.toBrokeredIdentity(parent(), AccountType.CONFIRMED, IDP, "esia-");

        assertThat(identity.getAttributes()).doesNotContainKeys("passport", "birthCertificate", "esiaChildren");
        assertThat(identity.getAttributes().keySet()).isSubsetOf(EsiaUserAttributes.ALL);
        JsonNode person = new ObjectMapper().readTree((String) identity.getContextData().get(ru.esiaedu.esia.person.EsiaPersonDocument.CONTEXT_KEY));
        JsonNode child = person.path("children").get(0);
        assertThat(child.path("oid").asText()).isEqualTo("1000000201");
        assertThat(child.path("birthDate").asText()).isEqualTo("2015-02-20");
        assertThat(child.path("birthCertificate").path("series").asText()).isEqualTo("IV-МЮ");
        assertThat(child.path("birthCertificate").path("actNo").asText()).isEqualTo("120");
    }

    @Test
    void theNormalisedPersonIsInTheContextForMappersAndLaterAuthenticators() throws Exception {
        BrokeredIdentityContext identity = EsiaIdentityMapper.toBrokeredIdentity(parent(), AccountType.CHILD, IDP, "esia-");

        JsonNode forMappers = (JsonNode) identity.getContextData().get(AbstractJsonUserAttributeMapper.CONTEXT_JSON_NODE);
        assertThat(forMappers.path("passport").path("number").asText()).isEqualTo("925695");
        assertThat(forMappers.path("accountType").asText()).isEqualTo("CHILD");
        JsonNode forAuthenticators = new ObjectMapper().readTree((String) identity.getContextData().get(ru.esiaedu.esia.person.EsiaPersonDocument.CONTEXT_KEY));
        assertThat(forAuthenticators).isEqualTo(forMappers);
        assertThat(forAuthenticators.path("email").asText()).isEqualTo("Diana@Example.ru");
    }
}
