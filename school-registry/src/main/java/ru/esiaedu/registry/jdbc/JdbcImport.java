package ru.esiaedu.registry.jdbc;

import java.util.List;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.school.Actor;
import ru.esiaedu.registry.school.ImportProgress;
import ru.esiaedu.registry.school.ImportReport;
import ru.esiaedu.registry.school.ImportRow;

/** The bulk import (in progress). */
final class JdbcImport {

    private final JdbcSchoolRegistryProvider.DatabaseSupplier database;
    private final CardValues values;
    private final ChangeAudit audit;

    JdbcImport(JdbcSchoolRegistryProvider.DatabaseSupplier database, CardValues values, ChangeAudit audit) {
        this.database = database;
        this.values = values;
        this.audit = audit;
    }

    ImportReport importPeople(Actor actor, String organisationId, List<ImportRow> rows, boolean dryRun,
            ImportProgress progress) throws RegistryUnavailableException {
        throw new UnsupportedOperationException("import: not yet");
    }
}
