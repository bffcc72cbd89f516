package ru.esiaedu.registry.school;

import java.util.List;

/**
 * What applying one row does: a new account, changed fields of an existing one (by the school's person id), or
 * nothing.
 */
public record ImportChange(int line, String personId, Kind kind, List<CardField> changedFields) {

    public enum Kind { CREATE, UPDATE, UNCHANGED }

    public ImportChange {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
