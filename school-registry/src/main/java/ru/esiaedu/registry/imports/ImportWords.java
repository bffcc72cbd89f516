package ru.esiaedu.registry.imports;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.school.Kinship;
import ru.esiaedu.registry.school.StaffPosition;

/** The words an import file uses for roles, kinship and positions (case, spacing and Ё/Е do not matter). */
final class ImportWords {

    private static final Map<String, RegistryRole> ROLES = Map.of(
            "ученик", RegistryRole.STUDENT, "ученица", RegistryRole.STUDENT, "учащийся", RegistryRole.STUDENT,
            "обучающийся", RegistryRole.STUDENT, "воспитанник", RegistryRole.STUDENT,
            "родитель", RegistryRole.PARENT, "законный представитель", RegistryRole.PARENT,
            "сотрудник", RegistryRole.STAFF, "педагог", RegistryRole.STAFF, "учитель", RegistryRole.STAFF);

    private static final Map<String, Kinship> KINSHIPS = Map.of(
            "мать", Kinship.MOTHER, "мама", Kinship.MOTHER, "отец", Kinship.FATHER, "папа", Kinship.FATHER);

    private static final Map<String, StaffPosition> POSITIONS = Map.of(
            "классный руководитель", StaffPosition.CLASS_TEACHER,
            "заместитель директора", StaffPosition.DEPUTY_HEAD, "завуч", StaffPosition.DEPUTY_HEAD,
            "администратор", StaffPosition.ADMINISTRATOR, "директор", StaffPosition.ADMINISTRATOR);

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ImportWords() {
    }

    static Optional<RegistryRole> role(String value) {
        return Optional.ofNullable(ROLES.get(word(value)));
    }

    /** «Мать», «Отец»; any other representative («Опекун», «Бабушка») is OTHER; empty is null. */
    static Kinship kinship(String value) {
        String word = word(value);
        return word.isEmpty() ? null : KINSHIPS.getOrDefault(word, Kinship.OTHER);
    }

    static Optional<StaffPosition> position(String value) {
        return Optional.ofNullable(POSITIONS.get(word(value)));
    }

    private static String word(String value) {
        return value == null ? "" : SPACES.matcher(value.strip().toLowerCase(Locale.ROOT).replace('ё', 'е')).replaceAll(" ");
    }
}
