package ru.esiaedu.registry.school;

/** What became of one {@link FieldEdit}. */
public sealed interface EditResult {

    /** Stored; {@code value} is the stored value as the page should show it now. */
    record Saved(String value) implements EditResult {
    }

    /** Not stored: someone else changed the field since the editor read it; {@code current} is the stored value. */
    record Conflict(String current) implements EditResult {
    }

    /**
     * Not stored: the value is not valid for the field.
     *
     * @param reason a stable code the page turns into Russian text, e.g. {@code snils_check_digit}, {@code phone},
     *               {@code email}, {@code birth_date}, {@code required}, {@code too_long}
     */
    record Invalid(String reason) implements EditResult {
    }
}
