package ru.esiaedu.registry.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** In-memory H2 in PostgreSQL mode, as the embedded demo database runs. */
class H2RegistryTest extends AbstractRegistryTest {

    private final String name = "registry-" + UUID.randomUUID();

    private static String url(String db) {
        return "jdbc:h2:mem:" + db + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
    }

    @Override
    RegistryConfig config(boolean demoData, int queryTimeoutSeconds) {
        return new RegistryConfig(url(name), "sa", "", 5, queryTimeoutSeconds, 10, demoData, false, false);
    }

    @Override
    RegistryConfig otherEmptyDatabase(boolean demoData) {
        return new RegistryConfig(url("other-" + UUID.randomUUID()), "sa", "", 5, 3, 10, demoData, false, false);
    }

    @Override
    RegistryConfig unreachable() {
        // a TCP server URL nobody listens on
        return new RegistryConfig("jdbc:h2:tcp://127.0.0.1:1/nothing", "sa", "", 5, 3, 2, false, false, false);
    }

    @Override
    Connection admin() throws SQLException {
        return DriverManager.getConnection(url(name), "sa", "");
    }
}
