package ru.esiaedu.registry.school;

import java.util.List;

import ru.esiaedu.registry.RegistryRole;

/**
 * One person of an import file, as typed (the registry validates and normalises when planning).
 *
 * @param line           the file's line number, for the dry run's report
 * @param personId       the school's own id of the person: the import's key, so applying twice changes nothing
 * @param birthDate      as typed, {@code дд.мм.гггг} or {@code гггг-мм-дд}
 * @param phones         as typed, several separated by {@code ,}
 * @param emails         as typed, several separated by {@code ,}
 * @param className      a student's class, e.g. «5А»
 * @param parentOf       for a parent: the school's person ids of their children
 * @param kinship        for a parent: «Мать», «Отец», other
 * @param position       for staff: their position, or null
 * @param teacherOf      for a class teacher: the class names
 */
public record ImportRow(int line, String personId, RegistryRole role, String lastName, String firstName,
        String middleName, String birthDate, String snils, String phones, String emails, String className,
        List<String> parentOf, Kinship kinship, StaffPosition position, List<String> teacherOf) {

    public ImportRow {
        parentOf = parentOf == null ? List.of() : List.copyOf(parentOf);
        teacherOf = teacherOf == null ? List.of() : List.copyOf(teacherOf);
    }

    /** Never prints personal data. */
    @Override
    public String toString() {
        return "ImportRow[line=" + line + ", role=" + role + "]";
    }
}
