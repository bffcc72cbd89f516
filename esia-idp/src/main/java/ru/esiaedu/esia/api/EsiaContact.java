package ru.esiaedu.esia.api;

/**
 * A person's contact ({@code /rs/prns/{oid}/ctts/{id}}). Only {@link #MBT} and {@link #EML} can be
 * verified. {@link #toString()} omits the value (personal data).
 *
 * @param id ESIA's id (number as text), may be null
 * @param type {@link #MBT}, {@link #PHN}, {@link #EML}, {@link #CEM} or another ESIA type
 * @param value as ESIA gives it, e.g. {@code +7(910)4420232}
 * @param verified {@code vrfStu == "VERIFIED"}
 */
public record EsiaContact(String id, String type, String value, boolean verified) {

    /** Mobile phone. */
    public static final String MBT = "MBT";
    /** Home phone. */
    public static final String PHN = "PHN";
    /** E-mail. */
    public static final String EML = "EML";
    /** Work e-mail. */
    public static final String CEM = "CEM";

    public boolean isVerified(String wantedType) {
        return verified && wantedType.equals(type) && value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "EsiaContact[type=" + type + ", verified=" + verified + "]";
    }
}
