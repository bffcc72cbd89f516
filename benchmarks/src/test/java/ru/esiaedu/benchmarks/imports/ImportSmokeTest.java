package ru.esiaedu.benchmarks.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.SchoolRegistryProvider;
import ru.esiaedu.registry.imports.ImportFile;
import ru.esiaedu.registry.jdbc.JdbcSchoolRegistryProviderFactory;
import ru.esiaedu.registry.jdbc.RegistryConfig;
import ru.esiaedu.registry.school.Actor;
import ru.esiaedu.registry.school.ImportReport;
import ru.esiaedu.registry.school.SchoolOffice;

/**
 * A thousand rows only (the 100 000-row run on PostgreSQL is benchmarks/run-import.sh): the generated file is one the
 * parser and the registry accept whole, and a second apply changes nothing. Measures nothing.
 */
class ImportSmokeTest {

    @Test
    void aGeneratedFileImportsWithoutProblemsAndTwiceChangesNothing() throws Exception {
        byte[] file = new SchoolFileGenerator(7L).generate(1000).getBytes(SchoolFileGenerator.WINDOWS_1251);
        ImportFile parsed = ImportFile.parse(file);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).hasSize(1000);
        assertThat(parsed.rows()).extracting(r -> r.role()).contains(RegistryRole.STUDENT, RegistryRole.PARENT,
                RegistryRole.STAFF);

        String url = "jdbc:h2:mem:import-smoke-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        JdbcSchoolRegistryProviderFactory factory = new JdbcSchoolRegistryProviderFactory();
        factory.init(new RegistryConfig(url, "sa", "", 4, 30, 10, false, false, false));
        try {
            SchoolRegistryProvider registry = factory.create(null);
            registry.organisations();
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                s.execute("INSERT INTO sr_organisation (id, org_type, name) VALUES ('smoke', 'SCHOOL', 'Школа')");
            }
            SchoolOffice office = registry.office().orElseThrow();
            Actor actor = Actor.api("smoke");
            ImportReport dry = office.importPeople(actor, "smoke", parsed.rows(), true, (done, total) -> { });
            assertThat(dry.problems()).isEmpty();
            assertThat(dry.created()).isEqualTo(1000);
            assertThat(registry.organisations()).hasSize(1);
            ImportReport first = office.importPeople(actor, "smoke", parsed.rows(), false, (done, total) -> { });
            assertThat(first.created()).isEqualTo(1000);
            ImportReport second = office.importPeople(actor, "smoke", parsed.rows(), false, (done, total) -> { });
            assertThat(second.unchanged()).isEqualTo(1000);
            assertThat(second.created() + second.updated()).isZero();
            // a generated mother is found as the matcher will look for her
            String phone = parsed.rows().stream().filter(r -> r.role() == RegistryRole.PARENT).findFirst()
                    .orElseThrow().phones().split(",")[0];
            assertThat(registry.findByPhone(RegistryRole.PARENT, phone)).isNotEmpty();
        } finally {
            factory.close();
        }
    }
}
