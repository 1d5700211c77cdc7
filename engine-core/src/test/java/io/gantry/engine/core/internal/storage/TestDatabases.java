package io.gantry.engine.core.internal.storage;

import java.nio.file.Path;

/** Opens real SQLite files for tests. */
final class TestDatabases {
    private TestDatabases() {}

    static SqliteDatabase open(Path file) {
        return new SqliteDatabase(SqliteDataSources.create(file), file.toString());
    }
}
