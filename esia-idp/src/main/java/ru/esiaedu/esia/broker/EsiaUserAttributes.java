package ru.esiaedu.esia.broker;

import java.util.List;

/** Names of the user attributes the ESIA provider fills; the realm's user profile declares them. */
public final class EsiaUserAttributes {

    public static final String MIDDLE_NAME = "middleName";
    public static final String BIRTH_DATE = "birthDate";
    public static final String GENDER = "gender";
    public static final String SNILS = "snils";
    public static final String MOBILE = "mobile";
    public static final String ACCOUNT_TYPE = "esiaAccountType";
    public static final String TRUSTED = "esiaTrusted";
    public static final String PASSPORT = "passport";
    public static final String BIRTH_CERTIFICATE = "birthCertificate";
    public static final String CHILDREN = "esiaChildren";

    /** Every attribute this provider owns: refreshed at each login, removed when ESIA no longer sends it. */
    public static final List<String> ALL = List.of(MIDDLE_NAME, BIRTH_DATE, GENDER, SNILS, MOBILE, ACCOUNT_TYPE,
            TRUSTED, PASSPORT, BIRTH_CERTIFICATE, CHILDREN);

    private EsiaUserAttributes() {
    }
}
