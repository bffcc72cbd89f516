package ru.esiaedu.esia.broker;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.keycloak.broker.oidc.mappers.AbstractJsonUserAttributeMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.api.EsiaDocument;
import ru.esiaedu.esia.api.EsiaPerson;
import ru.esiaedu.esia.person.EsiaPersonDocument;

/**
 * Turns the ESIA person into Keycloak's brokered identity: federated id = oid, a stable username,
 * names, the verified e-mail only, and the attributes schools need. The same data goes into the
 * context as a normalised JSON document, which the JSON attribute importer and the next
 * authenticators read.
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
        setAttribute(identity, EsiaUserAttributes.PASSPORT, documentNumber(person.passport()));
        setAttribute(identity, EsiaUserAttributes.BIRTH_CERTIFICATE, documentNumber(person.birthCertificate()));
        List<String> children = new ArrayList<>();
        profile.withArray("children").forEach(child -> children.add(child.toString()));
        if (!children.isEmpty()) {
            identity.setUserAttribute(EsiaUserAttributes.CHILDREN, children);
        }

        identity.getContextData().put(AbstractJsonUserAttributeMapper.CONTEXT_JSON_NODE, profile);
        identity.getContextData().put(EsiaPersonDocument.CONTEXT_KEY, profile.toString());
        return identity;
    }

    private static String documentNumber(Optional<EsiaDocument> document) {
        return document.map(doc -> ((doc.series() == null ? "" : doc.series() + " ") + (doc.number() == null ? "" : doc.number())).trim())
                .filter(value -> !value.isEmpty())
                .orElse(null);
    }

    private static void setAttribute(BrokeredIdentityContext identity, String name, String value) {
        if (value != null && !value.isBlank()) {
            identity.setUserAttribute(name, value);
        }
    }
}
