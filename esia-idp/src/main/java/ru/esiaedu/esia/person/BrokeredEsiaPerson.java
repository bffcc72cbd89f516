package ru.esiaedu.esia.person;

import java.time.LocalDate;
import java.util.List;

import ru.esiaedu.esia.api.AccountType;

/**
 * The ESIA person of this login as the later login steps see it: what {@link EsiaPersonDocument} wrote into the
 * brokered context. Contacts are present only when ESIA marked them verified; the age is not here on purpose — it is
 * decided in one place, by the login steps' age rule, in the region's time zone.
 *
 * @param childNames «Фамилия Имя Отчество» of each child ESIA lists
 */
public record BrokeredEsiaPerson(String oid, String lastName, String firstName, String middleName, LocalDate birthDate,
                                 String snils, boolean trusted, AccountType accountType, String verifiedEmail,
                                 String verifiedMobile, Document passport, Document birthCertificate,
                                 List<String> childNames) {

    public BrokeredEsiaPerson {
        accountType = accountType == null ? AccountType.SIMPLIFIED : accountType;
        childNames = childNames == null ? List.of() : List.copyOf(childNames);
    }

    /** A person without children listed at Gosuslugi. */
    public BrokeredEsiaPerson(String oid, String lastName, String firstName, String middleName, LocalDate birthDate,
                              String snils, boolean trusted, AccountType accountType, String verifiedEmail,
                              String verifiedMobile, Document passport, Document birthCertificate) {
        this(oid, lastName, firstName, middleName, birthDate, snils, trusted, accountType, verifiedEmail, verifiedMobile,
                passport, birthCertificate, List.of());
    }

    /** An identity document as series and number (other fields stay in ESIA). */
    public record Document(String series, String number) {
    }

    /** Confirmed data only: a trusted account, or a child account ESIA vouches for through the parent. */
    public boolean confirmed() {
        return accountType == AccountType.CHILD || (trusted && accountType == AccountType.CONFIRMED);
    }

    /** An own confirmed account (not simplified, not a child's): who may send an access request to a school. */
    public boolean confirmedAccount() {
        return accountType == AccountType.CONFIRMED;
    }

    /** Never prints personal data. */
    @Override
    public String toString() {
        return "BrokeredEsiaPerson[accountType=" + accountType + ", trusted=" + trusted + "]";
    }
}
