package io.gantry.engine.core.internal.storage;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Gives each test a fresh SQLite file in a temporary folder and a clock it can move. */
abstract class DatabaseTestSupport {
    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00.123456789Z"));
    SqliteDatabase database;

    @BeforeEach
    void openDatabase() {
        database = TestDatabases.open(dir.resolve("gantry.db"));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
