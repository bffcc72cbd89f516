package ru.esiaedu.desk.service;

import java.util.List;

import ru.esiaedu.registry.school.RosterRow;
import ru.esiaedu.registry.school.SchoolClass;

/** The class page's one load: the class, its rows, and the classes the caller may switch to. */
public record ClassRoster(SchoolClass schoolClass, List<RosterRow> rows, List<SchoolClass> classes) {
}
