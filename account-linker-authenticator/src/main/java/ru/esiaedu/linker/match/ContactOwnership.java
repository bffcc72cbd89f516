package ru.esiaedu.linker.match;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.normalize.Names;

/**
 * Whether an account found by a phone or an e-mail belongs to the ESIA person. A contact alone proves nothing: a
 * school types a parent's phone into the child's card, numbers are recycled, placeholders are typed into many cards,
 * spouses share an e-mail. So a contact counts only when the person and the account also agree on who they are:
 * <ul>
 *   <li>parent and student: surname and first name (in either order, tolerant of Ё/Е, case, spacing and hyphens), or
 *       the first name and the birth date (a surname changed by marriage). The birth date alone is not enough: twins
 *       share it, and so do spouses now and then;</li>
 *   <li>staff: the name <em>and</em> the birth date (staff are matched by SNILS; a contact is the exception);</li>
 *   <li>never when both have a middle name and they differ, or the card has a birth date and ESIA another one: a
 *       namesake, or a child whose card carries a parent's phone.</li>
 * </ul>
 * A simplified (unconfirmed) ESIA account may match only as a student, by the contact the school entered on that
 * very card, with the name agreeing; parents and staff need a confirmed account for any contact match.
 */
final class ContactOwnership {

    private ContactOwnership() {
    }

    static boolean agrees(BrokeredEsiaPerson person, RegistryAccount account) {
        if (birthDiffers(person.birthDate(), account.birthDate())
                || differs(Names.normalize(person.middleName()), Names.normalize(account.middleName()))) {
            return false;
        }
        RegistryRole role = account.role();
        boolean name = sameName(person, account);
        boolean birth = person.birthDate() != null && person.birthDate().equals(account.birthDate());
        if (!person.confirmed()) {
            return role == RegistryRole.STUDENT && name;
        }
        if (role == RegistryRole.STAFF) {
            return name && birth;
        }
        return name || (birth && sameFirstName(person, account));
    }

    /** The person's first name is the card's first name (or its surname, when the school swapped the fields). */
    private static boolean sameFirstName(BrokeredEsiaPerson person, RegistryAccount account) {
        String first = Names.normalize(person.firstName());
        return first != null && (first.equals(Names.normalize(account.firstName()))
                || first.equals(Names.normalize(account.lastName())));
    }

    private static boolean differs(String one, String other) {
        return one != null && other != null && !one.equals(other);
    }

    /**
     * Whether the accounts are more than one person: two of them differ in name, or both have a birth date and the
     * dates differ. The same person in two schools (one typed the birth date, one did not) is one person.
     */
    static boolean severalPeople(List<RegistryAccount> accounts) {
        for (int i = 0; i < accounts.size(); i++) {
            for (int j = i + 1; j < accounts.size(); j++) {
                RegistryAccount a = accounts.get(i);
                RegistryAccount b = accounts.get(j);
                if (!nameParts(a.lastName(), a.firstName()).equals(nameParts(b.lastName(), b.firstName()))
                        || birthDiffers(a.birthDate(), b.birthDate())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean birthDiffers(LocalDate one, LocalDate other) {
        return one != null && other != null && !one.equals(other);
    }

    /** Surname and first name as a pair in either order: schools swap the two fields more often than one thinks. */
    private static boolean sameName(BrokeredEsiaPerson person, RegistryAccount account) {
        List<String> ours = nameParts(person.lastName(), person.firstName());
        List<String> theirs = nameParts(account.lastName(), account.firstName());
        return ours.size() == 2 && ours.equals(theirs);
    }

    /** The normalised surname and first name, sorted; fewer than two when one is missing. */
    private static List<String> nameParts(String lastName, String firstName) {
        String[] parts = Arrays.stream(new String[] {Names.normalize(lastName), Names.normalize(firstName)})
                .filter(Objects::nonNull).sorted().toArray(String[]::new);
        return List.of(parts);
    }
}
