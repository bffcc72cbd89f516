package ru.esiaedu.registry.jdbc;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.school.Kinship;
import ru.esiaedu.registry.school.StaffPosition;

/**
 * What an organisation holds that an import can touch: its classes, its accounts that carry the school's person id
 * (with their cards' values and contacts), parent links and staff positions. Read once per import.
 */
final class ImportSnapshot {

    /** One account with the school's person id, as stored. */
    record Person(String accountId, RegistryRole role, String lastName, String firstName, String middleName,
            LocalDate birthDate, String snils, String classId, List<CardValues.Contact> phones,
            List<CardValues.Contact> emails) {
    }

    record Link(String parentAccountId, String studentAccountId) {
    }

    record Position(String staffAccountId, StaffPosition position, String classId) {
    }

    /** Class key ({@link #classKey}) → class id. */
    final Map<String, String> classIds = new HashMap<>();
    /** Class id → name. */
    final Map<String, String> classNames = new HashMap<>();
    /** Person id → account. */
    final Map<String, Person> people = new HashMap<>();
    final Map<Link, Kinship> links = new HashMap<>();
    final Set<Position> positions = new HashSet<>();

    /**
     * A class name for comparison: «5а», «5 А» and «5A» (a Latin A) are the class «5А». Upper case, no spaces or
     * dashes, Latin look-alike letters as Cyrillic.
     */
    static String classKey(String name) {
        String upper = name.toUpperCase(Locale.ROOT).replace('Ё', 'Е');
        StringBuilder out = new StringBuilder(upper.length());
        String latin = "ABCEHKMOPTXY";
        String cyrillic = "АВСЕНКМОРТХУ";
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || (c >= '\u2010' && c <= '\u2015')) {
                continue;
            }
            int at = latin.indexOf(c);
            out.append(at >= 0 ? cyrillic.charAt(at) : c);
        }
        return out.toString();
    }
}
