package io.gantry.engine.core.internal.storage;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Turns the current row of a result set into an object.
 *
 * @param <T> the object's type
 */
@FunctionalInterface
interface RowMapper<T> {
    /**
     * @param row positioned on a row
     * @return the object
     * @throws SQLException when a column cannot be read
     */
    T map(ResultSet row) throws SQLException;
}
