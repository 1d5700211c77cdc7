package io.gantry.engine.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.storage.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyFileToTheNewestSchema() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.db"));

        try (SqliteDatabase database = TestDatabases.open(file)) {
            int version = database.read("version", Migrations::currentVersion);
            assertThat(version).isEqualTo(Migrations.CONTROLLER.newestVersion());
            List<String> journal = database.query("journal mode", "PRAGMA journal_mode", r -> r.getString(1));
            assertThat(journal).containsExactly("wal");
        }
    }

    @Test
    void reopeningAnUpToDateDatabaseChangesNothing() {
        Path file = dir.resolve("gantry.db");
        TestDatabases.open(file).close();

        try (SqliteDatabase database = TestDatabases.open(file)) {
            assertThat(database.query("history", "SELECT version FROM schema_version", r -> r.getInt(1)))
                    .containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Test
    void bringsAVersion1DatabaseUpToDateKeepingItsExecutions() throws Exception {
        Path file = dir.resolve("v1.db");
        try (Connection connection = SqliteDataSources.create(file).getConnection()) {
            Migrations.CONTROLLER.migrate(connection, file.toString(), 1);
            Sql.execute(
                    connection,
                    "INSERT INTO execution (id, pipeline_version, status, started_at, done, total, nodes) "
                            + "VALUES ('old', 1, 'SUCCEEDED', 1, 1, 1, '{}')");
        }

        try (SqliteDatabase database = TestDatabases.open(file)) {
            assertThat(database.read("version", Migrations::currentVersion))
                    .isEqualTo(Migrations.CONTROLLER.newestVersion());
            assertThat(new SqliteExecutionRepository(database, Clock.systemUTC()).find("old"))
                    .get()
                    .extracting(ExecutionRecord::startedBy)
                    .isNull();
            assertThat(database.query("users", "SELECT COUNT(*) FROM user_account", r -> r.getInt(1)))
                    .containsExactly(0);
        }
    }

    @Test
    void refusesANewerDatabaseAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("newer.db");
        int newer = Migrations.CONTROLLER.newestVersion() + 1;
        writeByHand(
                file,
                "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT, applied_at TEXT)",
                "INSERT INTO schema_version VALUES (" + newer + ", 'V" + newer + "__future.sql', 'later')");
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> TestDatabases.open(file))
                .isInstanceOf(StorageException.class)
                .hasMessage("database " + file + " has schema version " + newer + ", this controller knows up to "
                        + Migrations.CONTROLLER.newestVersion() + "; use a newer controller or another data directory");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(dir.resolve("newer.db-wal")).doesNotExist();
    }

    @Test
    void splitsAScriptIntoStatementsSkippingComments() {
        assertThat(Migrations.statements("-- comment\nCREATE TABLE a (x INTEGER);\n\nCREATE TABLE b (\n  y TEXT\n);\n"))
                .containsExactly("CREATE TABLE a (x INTEGER);", "CREATE TABLE b (\n  y TEXT\n);");
    }

    /** Writes a database with a plain connection (rollback journal), as another tool would. */
    private static void writeByHand(Path file, String... statements) throws SQLException {
        SQLiteDataSource plain = new SQLiteDataSource();
        plain.setUrl("jdbc:sqlite:" + file);
        try (Connection connection = plain.getConnection()) {
            for (String statement : List.of(statements)) {
                Sql.execute(connection, statement);
            }
        }
    }
}
