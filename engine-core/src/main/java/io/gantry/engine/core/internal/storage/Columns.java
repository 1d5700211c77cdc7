package io.gantry.engine.core.internal.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Column conversions. Instants are stored as INTEGER nanoseconds since the epoch: exact (a
 * {@code Clock} may give nanoseconds) and ordered by SQLite as numbers, which ISO strings of varying
 * length are not. The range is the years 1677 to 2262.
 */
final class Columns {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Columns() {}

    /** @return the instant in epoch nanoseconds; null for null */
    static Long nanos(Instant instant) {
        if (instant == null) {
            return null;
        }
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    /** @return the instant stored in the column; null for SQL NULL */
    static Instant instant(ResultSet row, String column) throws SQLException {
        long nanos = row.getLong(column);
        if (row.wasNull()) {
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /** @return the column as a Long; null for SQL NULL */
    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
