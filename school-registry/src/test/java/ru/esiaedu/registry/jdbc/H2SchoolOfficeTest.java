package ru.esiaedu.registry.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** The school's side on in-memory H2 in PostgreSQL mode, as the embedded demo database runs. */
class H2SchoolOfficeTest extends AbstractSchoolOfficeTest {

    private final String url = "jdbc:h2:mem:office-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";

    @Override
    RegistryConfig config() {
        return new RegistryConfig(url, "sa", "", 8, 3, 10, true, false, false);
    }

    @Override
    Connection admin() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }
}
