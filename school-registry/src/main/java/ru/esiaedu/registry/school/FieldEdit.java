package ru.esiaedu.registry.school;

/**
 * One edit of one field, as the page sends it when a field loses focus.
 *
 * @param expected the value the editor saw before editing; the edit is refused as a conflict when the stored value
 *                 is no longer this one (someone else saved in between), so no edit is ever lost silently
 * @param value    the new value as typed; the registry validates and normalises it as the matcher will read it
 */
public record FieldEdit(String accountId, CardField field, String expected, String value) {

    /** Never prints personal data. */
    @Override
    public String toString() {
        return "FieldEdit[accountId=" + accountId + ", field=" + field + "]";
    }
}
