package ru.esiaedu.linker.match;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * What matching needs from the ESIA person, as the ESIA provider puts it into the brokered context
 * ({@code esia.person}). Contacts are present only when ESIA marked them verified.
 */
public record EsiaPersonData(String oid, String lastName, String firstName, String middleName, LocalDate birthDate,
                             String snils, boolean trusted, AccountKind accountType, String verifiedEmail,
                             String verifiedMobile, Document passport, Document birthCertificate,
                             List<String> childNames) {

    public EsiaPersonData {
        childNames = childNames == null ? List.of() : List.copyOf(childNames);
    }

    /** A person without children listed at Gosuslugi. */
    public EsiaPersonData(String oid, String lastName, String firstName, String middleName, LocalDate birthDate,
                          String snils, boolean trusted, AccountKind accountType, String verifiedEmail,
                          String verifiedMobile, Document passport, Document birthCertificate) {
        this(oid, lastName, firstName, middleName, birthDate, snils, trusted, accountType, verifiedEmail, verifiedMobile,
                passport, birthCertificate, List.of());
    }

    public enum AccountKind { CONFIRMED, SIMPLIFIED, CHILD }

    public record Document(String series, String number) {
    }

    /** Confirmed data only: a trusted account, or a child account ESIA vouches for through the parent. */
    public boolean confirmed() {
        return accountType == AccountKind.CHILD || (trusted && accountType == AccountKind.CONFIRMED);
    }

    /** An own confirmed account (not simplified, not a child's): who may send an access request (seed 003). */
    public boolean confirmedAccount() {
        return accountType == AccountKind.CONFIRMED;
    }

    /** Full years on {@code today}; -1 when the birth date is unknown. */
    public int ageOn(LocalDate today) {
        return birthDate == null ? -1 : Period.between(birthDate, today).getYears();
    }
}
