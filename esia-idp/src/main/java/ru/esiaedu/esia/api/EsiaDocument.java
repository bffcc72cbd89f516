package ru.esiaedu.esia.api;

import java.time.LocalDate;
import java.util.Set;

/**
 * An identity document ({@code /rs/prns/{oid}/docs/{id}}). Dates are parsed from
 * {@code dd.MM.yyyy} and are null when absent or unparseable. {@link #toString()} omits series,
 * number and issuer (personal data).
 *
 * @param actNo birth certificates: civil registry act number
 * @param actDate birth certificates: civil registry act date
 */
public record EsiaDocument(String id, String type, String series, String number, LocalDate issueDate,
        String issuedBy, String issueId, String actNo, LocalDate actDate, boolean verified) {

    public static final String RF_PASSPORT = "RF_PASSPORT";
    public static final String RF_BRTH_CERT = "RF_BRTH_CERT";
    public static final String FID_BRTH_CERT = "FID_BRTH_CERT";
    public static final String OLD_BRTH_CERT = "OLD_BRTH_CERT";
    public static final String FID_DOC = "FID_DOC";
    public static final String FRGN_PASS = "FRGN_PASS";
    public static final String MDCL_PLCY = "MDCL_PLCY";

    /** Russian, foreign and old-style (USSR) birth certificates. */
    public static final Set<String> BIRTH_CERTIFICATE_TYPES = Set.of(RF_BRTH_CERT, FID_BRTH_CERT, OLD_BRTH_CERT);

    public boolean isPassport() {
        return RF_PASSPORT.equals(type);
    }

    public boolean isBirthCertificate() {
        return type != null && BIRTH_CERTIFICATE_TYPES.contains(type);
    }

    @Override
    public String toString() {
        return "EsiaDocument[type=" + type + ", verified=" + verified + "]";
    }
}
