package ru.esiaedu.registry.school;

import java.util.List;

/**
 * What applying one row does: a new account, changed fields of an existing one (by the school's person id), or
 * nothing.
 *
 * @param changedRelations what changes beside the card's fields: {@code CLASS} (a student's class), {@code PARENT_OF}
 *                         (a new child of a parent), {@code KINSHIP} (who the parent is to a child),
 *                         {@code POSITION} (a new staff position)
 */
public record ImportChange(int line, String personId, Kind kind, List<CardField> changedFields,
        List<String> changedRelations) {

    public enum Kind { CREATE, UPDATE, UNCHANGED }

    public ImportChange {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
        changedRelations = changedRelations == null ? List.of() : List.copyOf(changedRelations);
    }

    /** A change of the card's fields only. */
    public ImportChange(int line, String personId, Kind kind, List<CardField> changedFields) {
        this(line, personId, kind, changedFields, List.of());
    }
}
