package ru.esiaedu.registry.jdbc;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.jboss.logging.Logger;
import ru.esiaedu.registry.RegistryUnavailableException;

/**
 * SQL failures to {@link RegistryUnavailableException}. Driver messages can quote values (e.g. a duplicate key),
 * so neither the log nor the exception carries them: only the operation, the exception class and the SQLState.
 * The original exception is not attached as the cause for the same reason.
 */
final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    private Failures() {}

    static RegistryUnavailableException unavailable(String operation, SQLException e) {
        boolean timeout = isTimeout(e);
        LOG.warnf("school registry: %s failed: %s, SQLState %s%s", operation, e.getClass().getName(), e.getSQLState(),
                timeout ? " (timeout)" : "");
        return new RegistryUnavailableException("school registry: " + operation
                + (timeout ? " timed out" : " failed (SQLState " + e.getSQLState() + ")"));
    }

    static boolean isTimeout(SQLException e) {
        return e instanceof SQLTimeoutException || "57014".equals(e.getSQLState())   // query_canceled (PG, H2)
                || "HYT00".equals(e.getSQLState()) || "HYT01".equals(e.getSQLState());  // lock / query timeout
    }

    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
