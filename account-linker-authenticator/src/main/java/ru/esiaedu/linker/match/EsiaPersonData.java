package ru.esiaedu.linker.match;

import java.time.LocalDate;
import java.time.Period;

/**
 * What matching needs from the ESIA person, as the ESIA provider puts it into the brokered context
 * ({@code esia.person}). Contacts are present only when ESIA marked them verified.
 */
public record EsiaPersonData(String oid, String lastName, String firstName, String middleName, LocalDate birthDate,
                             String snils, boolean trusted, AccountKind accountType, String verifiedEmail,
                             String verifiedMobile, Document passport, Document birthCertificate) {

    public enum AccountKind { CONFIRMED, SIMPLIFIED, CHILD }

    public record Document(String series, String number) {
    }

    /** Confirmed data only: a trusted account, or a child account ESIA vouches for through the parent. */
    public boolean confirmed() {
        return accountType == AccountKind.CHILD || (trusted && accountType == AccountKind.CONFIRMED);
    }

    /** Full years on {@code today}; -1 when the birth date is unknown. */
    public int ageOn(LocalDate today) {
        return birthDate == null ? -1 : Period.between(birthDate, today).getYears();
    }
}
