package ru.esiaedu.esia.broker;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.keycloak.broker.oidc.mappers.AbstractJsonUserAttributeMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.api.EsiaDocument;
import ru.esiaedu.esia.api.EsiaKid;
import ru.esiaedu.esia.api.EsiaPerson;

/**
 * Turns the ESIA person into Keycloak's brokered identity: federated id = oid, a stable username,
 * names, the verified e-mail only, and the attributes schools need. The same data goes into the
 * context as a normalised JSON document, which the JSON attribute importer and the next
 * authenticators read.
 */
final class EsiaIdentityMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
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

        ObjectNode profile = profileJson(person, accountType);
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
        identity.getContextData().put(EsiaUserAttributes.CONTEXT_PERSON_JSON, profile.toString());
        return identity;
    }

    /** The normalised person document: dates ISO, documents as "series number", only verified contacts. */
    static ObjectNode profileJson(EsiaPerson person, AccountType accountType) {
        ObjectNode node = JSON.createObjectNode();
        node.put("oid", person.oid());
        node.put("lastName", person.lastName());
        node.put("firstName", person.firstName());
        node.put("middleName", person.middleName());
        node.put("birthDate", person.birthDate() == null ? null : ISO_DATE.format(person.birthDate()));
        node.put("gender", person.gender());
        node.put("snils", person.snils());
        node.put("trusted", person.trusted());
        node.put("accountType", accountType.name());
        node.put("email", person.verifiedEmail().orElse(null));
        node.put("mobile", person.verifiedMobile().orElse(null));
        node.set("passport", documentJson(person.passport()));
        node.set("birthCertificate", documentJson(person.birthCertificate()));
        ArrayNode children = node.putArray("children");
        for (EsiaKid kid : person.kids()) {
            ObjectNode child = children.addObject();
            child.put("oid", kid.oid());
            child.put("lastName", kid.lastName());
            child.put("firstName", kid.firstName());
            child.put("middleName", kid.middleName());
            child.put("birthDate", kid.birthDate() == null ? null : ISO_DATE.format(kid.birthDate()));
            child.put("gender", kid.gender());
            child.put("snils", kid.snils());
            child.set("birthCertificate", documentJson(kid.birthCertificate()));
        }
        return node;
    }

    private static ObjectNode documentJson(Optional<EsiaDocument> document) {
        if (document.isEmpty()) {
            return null;
        }
        EsiaDocument doc = document.get();
        ObjectNode node = JSON.createObjectNode();
        node.put("type", doc.type());
        node.put("series", doc.series());
        node.put("number", doc.number());
        node.put("issueDate", doc.issueDate() == null ? null : ISO_DATE.format(doc.issueDate()));
        node.put("issuedBy", doc.issuedBy());
        node.put("actNo", doc.actNo());
        node.put("actDate", doc.actDate() == null ? null : ISO_DATE.format(doc.actDate()));
        node.put("verified", doc.verified());
        return node;
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
