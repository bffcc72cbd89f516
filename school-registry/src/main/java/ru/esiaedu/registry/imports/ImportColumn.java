package ru.esiaedu.registry.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of an import file, by their Russian headings. A heading is recognised whatever its case, spacing,
 * dots, hyphens and Ё/Е: «Эл. почта», «эл.почта», «ЭЛ ПОЧТА» are one column; a few synonyms schools use are
 * accepted too. The order of the columns in the file does not matter.
 */
public enum ImportColumn {
    PERSON_ID("Идентификатор", true, "id", "код"),
    ROLE("Роль", true),
    LAST_NAME("Фамилия", true),
    FIRST_NAME("Имя", true),
    MIDDLE_NAME("Отчество", false),
    BIRTH_DATE("Дата рождения", false),
    SNILS("СНИЛС", false),
    PHONES("Телефон", false, "Телефоны", "Мобильный телефон"),
    EMAILS("Эл. почта", false, "Электронная почта", "E-mail", "Email"),
    CLASS_NAME("Класс", false),
    PARENT_OF("Родитель для", false),
    KINSHIP("Кем приходится", false),
    POSITION("Должность", false),
    TEACHER_OF("Классы руководства", false);

    private static final Map<String, ImportColumn> BY_KEY = new HashMap<>();

    static {
        for (ImportColumn column : values()) {
            BY_KEY.put(key(column.heading), column);
            for (String synonym : column.synonyms) {
                BY_KEY.put(key(synonym), column);
            }
        }
    }

    private final String heading;
    private final boolean required;
    private final List<String> synonyms;

    ImportColumn(String heading, boolean required, String... synonyms) {
        this.heading = heading;
        this.required = required;
        this.synonyms = List.of(synonyms);
    }

    /** The heading as the template writes it, e.g. «Эл. почта». */
    public String heading() {
        return heading;
    }

    /** Without this column no row can be imported. */
    public boolean required() {
        return required;
    }

    static Optional<ImportColumn> byHeading(String heading) {
        return Optional.ofNullable(BY_KEY.get(key(heading)));
    }

    /** Lower case, Ё→Е, without spaces (also non-breaking), dots, hyphens, asterisks and colons. */
    static String key(String heading) {
        String lower = heading == null ? "" : heading.toLowerCase(Locale.ROOT).replace('ё', 'е');
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '.' || c == '-' || c == '*' || c == ':'
                    || c == '\ufeff' || (c >= '\u2010' && c <= '\u2015'))) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
