package io.gantry.engine.core.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs work in one SQLite transaction on a connection left in auto-commit mode. */
final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private Transactions() {}

    /**
     * Runs the work between {@code BEGIN IMMEDIATE} and {@code COMMIT}; any exception rolls back.
     * IMMEDIATE takes the write lock up front, so a transaction never fails half-way with
     * SQLITE_BUSY when another process (an operator's sqlite3 shell) holds the file.
     *
     * @param connection a connection in auto-commit mode, used by one thread at a time
     * @param work       the work
     * @return what the work returned, once committed (durable with synchronous=FULL)
     */
    static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
        Sql.execute(connection, "BEGIN IMMEDIATE");
        boolean committed = false;
        try {
            T result = work.run(connection);
            Sql.execute(connection, "COMMIT");
            committed = true;
            return result;
        } finally {
            if (!committed) {
                rollback(connection);
            }
        }
    }

    private static void rollback(Connection connection) {
        try {
            Sql.execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            // the original failure is the one worth reporting; SQLite may already have rolled back
            LOG.debug("rollback failed", e);
        }
    }
}
