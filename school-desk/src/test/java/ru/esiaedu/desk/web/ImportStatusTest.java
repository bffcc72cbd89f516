package ru.esiaedu.desk.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.esiaedu.registry.school.ImportChange;
import ru.esiaedu.registry.school.ImportProblem;
import ru.esiaedu.registry.school.ImportReport;

import static org.assertj.core.api.Assertions.assertThat;

class ImportStatusTest {

    @Test
    void aStatusSurvivesTheStoresStringMap() {
        ImportStatus done = new ImportStatus("staff:acc-1", ImportStatus.State.DONE, 10, 10, null, "{\"created\":2}");

        assertThat(ImportStatus.fromMap(done.toMap())).isEqualTo(done);
        assertThat(ImportStatus.fromMap(ImportStatus.running("api:x", 500, 1000).toMap()).done()).isEqualTo(500);
    }

    @Test
    void somethingElseInTheStoreIsNoStatus() {
        assertThat(ImportStatus.fromMap(null)).isNull();
        assertThat(ImportStatus.fromMap(Map.of("actor", "a"))).isNull();
        assertThat(ImportStatus.fromMap(Map.of("actor", "a", "state", "EXPLODED", "done", "1", "total", "1"))).isNull();
        assertThat(ImportStatus.fromMap(Map.of("actor", "a", "state", "DONE", "done", "x", "total", "1"))).isNull();
    }

    @Test
    void theFilesUnreadableLinesAndTheRegistrysBadRowsAreOneListByLine() {
        ImportReport report = new ImportReport(false, 1, 0, 0,
                List.of(new ImportChange(2, "p-1", ImportChange.Kind.CREATE, List.of())),
                List.of(new ImportProblem(7, "СНИЛС", "snils_check_digit")));

        ImportReport merged = DeskImports.withParseProblems(report,
                List.of(new ImportProblem(9, "Роль", "unknown_role"), new ImportProblem(3, null, "too_many_columns")));

        assertThat(merged.problems()).extracting(ImportProblem::line).containsExactly(3, 7, 9);
        assertThat(merged.created()).isEqualTo(1);
        assertThat(merged.applied()).isFalse();
    }
}
