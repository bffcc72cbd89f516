package ru.esiaedu.esia.broker;

import java.util.List;

/**
 * Names of the user attributes the ESIA provider fills; the realm's user profile declares them (admin-only).
 * 152-ФЗ data minimisation: a Keycloak user keeps only what identifies the person to an operator and what a token
 * may carry; documents and children are read from the brokered person during the login and never stored.
 */
public final class EsiaUserAttributes {

    public static final String MIDDLE_NAME = "middleName";
    public static final String BIRTH_DATE = "birthDate";
    public static final String GENDER = "gender";
    public static final String SNILS = "snils";
    public static final String MOBILE = "mobile";
    public static final String ACCOUNT_TYPE = "esiaAccountType";
    public static final String TRUSTED = "esiaTrusted";

    /** Every attribute this provider owns: refreshed at each login, removed when ESIA no longer sends it. */
    public static final List<String> ALL = List.of(MIDDLE_NAME, BIRTH_DATE, GENDER, SNILS, MOBILE, ACCOUNT_TYPE,
            TRUSTED);

    /**
     * Attributes earlier versions stored (passport, birth certificate, the children with their documents): no step
     * after the login reads them, so each login removes them from users created before.
     */
    public static final List<String> NO_LONGER_KEPT = List.of("passport", "birthCertificate", "esiaChildren");

    private EsiaUserAttributes() {
    }
}
