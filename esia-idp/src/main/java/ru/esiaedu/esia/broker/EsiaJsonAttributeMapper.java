package ru.esiaedu.esia.broker;

import org.keycloak.broker.oidc.mappers.AbstractJsonUserAttributeMapper;

/**
 * «Атрибут из ЕСИА»: copies a field of the normalised ESIA person (e.g. {@code snils},
 * {@code passport.number}, {@code children}) into a user attribute, by Keycloak's JSON path rules.
 */
public class EsiaJsonAttributeMapper extends AbstractJsonUserAttributeMapper {

    public static final String PROVIDER_ID = "esia-user-attribute-mapper";
    private static final String[] COMPATIBLE_PROVIDERS = {EsiaIdentityProviderFactory.PROVIDER_ID};

    @Override
    public String[] getCompatibleProviders() {
        return COMPATIBLE_PROVIDERS;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ЕСИА: атрибут из данных Госуслуг";
    }

    @Override
    public String getHelpText() {
        return "Копирует поле данных ЕСИА в атрибут пользователя. Поля: oid, lastName, firstName, middleName, birthDate, gender, snils, "
                + "trusted, accountType, email, mobile, passport.series, passport.number, birthCertificate.number, children. "
                + "/ Copies a field of the normalised ESIA person into a user attribute.";
    }
}
