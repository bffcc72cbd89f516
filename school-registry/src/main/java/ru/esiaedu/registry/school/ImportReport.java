package ru.esiaedu.registry.school;

import java.util.List;

/**
 * The outcome of a dry run or of applying. A dry run writes nothing. Applying writes every good row (idempotently,
 * keyed by the school's person id) and skips the bad ones, which are all listed.
 */
public record ImportReport(boolean applied, int created, int updated, int unchanged, List<ImportChange> changes,
        List<ImportProblem> problems) {

    public ImportReport {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }
}
