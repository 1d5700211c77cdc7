package io.gantry.engine.core.internal.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Prepared-statement helpers: values are always bound as parameters, never written into SQL. */
final class Sql {
    private Sql() {}

    /**
     * @param connection the connection
     * @param sql        a query with {@code ?} placeholders
     * @param mapper     maps each row
     * @param args       the values of the placeholders, in order (null binds SQL NULL)
     * @return every row, mapped
     */
    static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... args)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, args);
                ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    /**
     * @param connection the connection
     * @param sql        an INSERT, UPDATE or DELETE with {@code ?} placeholders
     * @param args       the values of the placeholders, in order
     * @return the number of rows changed
     */
    static int update(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, args)) {
            return statement.executeUpdate();
        }
    }

    /**
     * Runs one statement for each row of values, prepared once: SQLite parses it once, not per row.
     *
     * @param connection the connection
     * @param sql        an INSERT, UPDATE or DELETE with {@code ?} placeholders
     * @param rows       the values of the placeholders of each run, in order
     */
    static void updateEach(Connection connection, String sql, Iterable<Object[]> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] args : rows) {
                bind(statement, args);
                statement.executeUpdate();
            }
        }
    }

    /**
     * Runs a fixed statement that has no values (transaction control, pragmas, DDL).
     *
     * @param connection the connection
     * @param sql        the statement
     */
    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * @return whether the query returns at least one row
     */
    static boolean exists(Connection connection, String sql, Object... args) throws SQLException {
        return !list(connection, sql, row -> Boolean.TRUE, args).isEmpty();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, args);
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }
}
