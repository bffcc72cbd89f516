package ru.esiaedu.registry.school;

import java.util.List;

/**
 * The outcome of a dry run or of applying. A dry run writes nothing. Applying writes every good row (idempotently,
 * keyed by the school's person id) and skips the bad ones, which are all listed.
 *
 * @param createdClasses the classes the file names that the organisation does not have yet: created when applying
 */
public record ImportReport(boolean applied, int created, int updated, int unchanged, List<ImportChange> changes,
        List<ImportProblem> problems, List<String> createdClasses) {

    public ImportReport {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
        createdClasses = createdClasses == null ? List.of() : List.copyOf(createdClasses);
    }

    public ImportReport(boolean applied, int created, int updated, int unchanged, List<ImportChange> changes,
            List<ImportProblem> problems) {
        this(applied, created, updated, unchanged, changes, problems, List.of());
    }
}
