package ru.esiaedu.esia.broker;

import java.time.format.DateTimeFormatter;

import org.keycloak.broker.oidc.mappers.AbstractJsonUserAttributeMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.api.EsiaPerson;
import ru.esiaedu.esia.person.EsiaPersonDocument;

/**
 * Turns the ESIA person into Keycloak's brokered identity: federated id = oid, a stable username,
 * names, the verified e-mail only, and the few attributes kept on the user. The whole person (documents and
 * children included) goes into the context only, as a normalised JSON document, which the JSON attribute importer
 * and the next authenticators read during this login.
 */
final class EsiaIdentityMapper {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private EsiaIdentityMapper() {
    }

    static BrokeredIdentityContext toBrokeredIdentity(EsiaPerson person, AccountType accountType,
                                                      IdentityProviderModel idpConfig, String usernamePrefix) {
        BrokeredIdentityContext identity = new BrokeredIdentityContext(person.oid(), idpConfig);
        identity.setUsername(usernamePrefix + person.oid());
        identity.setBrokerUserId(person.oid());
        identity.setFirstName(person.firstName());
        identity.setLastName(person.lastName());
        person.verifiedEmail().ifPresent(identity::setEmail);

        ObjectNode profile = EsiaPersonDocument.write(person, accountType);
        setAttribute(identity, EsiaUserAttributes.MIDDLE_NAME, person.middleName());
        setAttribute(identity, EsiaUserAttributes.BIRTH_DATE, person.birthDate() == null ? null : ISO_DATE.format(person.birthDate()));
        setAttribute(identity, EsiaUserAttributes.GENDER, person.gender());
        setAttribute(identity, EsiaUserAttributes.SNILS, person.snils());
        setAttribute(identity, EsiaUserAttributes.MOBILE, person.verifiedMobile().orElse(null));
        setAttribute(identity, EsiaUserAttributes.ACCOUNT_TYPE, accountType.name());
        setAttribute(identity, EsiaUserAttributes.TRUSTED, Boolean.toString(person.trusted()));

        identity.getContextData().put(AbstractJsonUserAttributeMapper.CONTEXT_JSON_NODE, profile);
        identity.getContextData().put(EsiaPersonDocument.CONTEXT_KEY, profile.toString());
        return identity;
    }

    private static void setAttribute(BrokeredIdentityContext identity, String name, String value) {
        if (value != null && !value.isBlank()) {
            identity.setUserAttribute(name, value);
        }
    }
}
