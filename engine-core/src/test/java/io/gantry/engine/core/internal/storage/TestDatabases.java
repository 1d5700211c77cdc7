package io.gantry.engine.core.internal.storage;

import java.nio.file.Path;
import java.util.List;

/** Opens real SQLite files for tests. */
public final class TestDatabases {
    private TestDatabases() {}

    /** @return the database in that file, opened as the controller opens it */
    public static SqliteDatabase open(Path file) {
        return new SqliteDatabase(SqliteDataSources.create(file), file.toString());
    }

    /** @return the first column of every row the query returns, as text: to look at what is stored */
    public static List<String> column(SqliteDatabase database, String sql, Object... args) {
        return database.query("test query", sql, row -> row.getString(1), args);
    }
}
