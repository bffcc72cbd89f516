package ru.esiaedu.login.age;

/**
 * The age groups of the ESIA login rules: under 14 a child account a parent created in ESIA (identified by the birth
 * certificate, a parent consents); 14–17 an own account (SNILS and passport identify, a parent consents); 18+ an own
 * confirmed account (own consent).
 */
public enum AgeGroup {
    UNDER_14, FROM_14_TO_17, ADULT;

    public boolean isMinor() {
        return this != ADULT;
    }

    /** From 14 a person is identified by SNILS and the passport instead of the birth certificate. */
    public boolean identifiedByAdultDocuments() {
        return this != UNDER_14;
    }
}
