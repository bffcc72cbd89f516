package ru.esiaedu.registry.school;

/**
 * A bad row: nothing of it is written.
 *
 * @param column the file's column heading the problem is in, or null for the whole row
 * @param reason a stable code the page turns into Russian text (as {@link EditResult.Invalid#reason()}, plus e.g.
 *               {@code duplicate_person_id}, {@code unknown_role}, {@code unknown_class}, {@code unknown_child})
 */
public record ImportProblem(int line, String column, String reason) {
}
