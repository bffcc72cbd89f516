package ru.esiaedu.registry.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import ru.esiaedu.registry.RegistryUnavailableException;

/**
 * The one way the registry opens a transaction. A write is committed only when its work returns; whatever it throws
 * (an {@link SQLException}, a runtime exception, an {@link Error}) rolls it back before the connection goes back to
 * the pool. Turning auto-commit back on while a transaction is open commits it (JDBC), so auto-commit is restored
 * only after the transaction has ended; a connection whose rollback failed is aborted instead.
 */
final class Transactions {

    private static final Logger LOG = Logger.getLogger(Transactions.class);

    /** The statements of one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c, RegistryDatabase db) throws SQLException;
    }

    private Transactions() {}

    /** Runs the work in one read-write transaction. */
    static <T> T write(JdbcSchoolRegistryProvider.DatabaseSupplier database, String operation, Work<T> work)
            throws RegistryUnavailableException {
        RegistryDatabase db = database.get();
        try (Connection c = db.connection()) {
            c.setReadOnly(false);
            c.setAutoCommit(false);
            return inTransaction(c, db, operation, work);
        } catch (SQLException e) {
            throw Failures.unavailable(operation, e);
        }
    }

    /** Runs the work on a read-only connection in one transaction (one snapshot for a row and its children). */
    static <T> T read(JdbcSchoolRegistryProvider.DatabaseSupplier database, String operation, Work<T> work)
            throws RegistryUnavailableException {
        RegistryDatabase db = database.get();
        try (Connection c = JdbcSchoolRegistryProvider.readOnly(db)) {
            return inTransaction(c, db, operation, work);
        } catch (SQLException e) {
            throw Failures.unavailable(operation, e);
        }
    }

    private static <T> T inTransaction(Connection c, RegistryDatabase db, String operation, Work<T> work)
            throws SQLException {
        boolean ended = false;
        try {
            T result = work.run(c, db);
            c.commit();
            ended = true;
            return result;
        } catch (Throwable e) {
            ended = rollback(c, operation);
            throw e;
        } finally {
            if (ended) {
                restoreAutoCommit(c, operation);
            } else {
                abort(c);
            }
        }
    }

    private static boolean rollback(Connection c, String operation) {
        try {
            c.rollback();
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("school registry: %s: rollback failed (%s, SQLState %s), the connection is discarded", operation,
                    e.getClass().getName(), e instanceof SQLException sql ? sql.getSQLState() : "none");
            return false;
        }
    }

    /** After commit or rollback nothing is open, so this cannot commit anything; a failure must not mask the result. */
    private static void restoreAutoCommit(Connection c, String operation) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("school registry: %s: cannot restore auto-commit (%s)", operation, e.getClass().getName());
            abort(c);
        }
    }

    /** A connection in an unknown transaction state must never be committed by a later reset: drop it. */
    private static void abort(Connection c) {
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // already broken: the pool's validation discards it
        }
    }
}
