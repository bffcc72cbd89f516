package ru.esiaedu.registry.school;

/** One row of the class page: the student, «Мать» and «Отец» (null when the school has not entered them). */
public record RosterRow(PersonCard student, PersonCard mother, PersonCard father) {
}
