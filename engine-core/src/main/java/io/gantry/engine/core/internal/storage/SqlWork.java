package io.gantry.engine.core.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A piece of work on one JDBC connection.
 *
 * @param <T> what it returns
 */
@FunctionalInterface
interface SqlWork<T> {
    /**
     * @param connection the connection to use; never closed by the work
     * @return the result
     * @throws SQLException when the database fails
     */
    T run(Connection connection) throws SQLException;
}
