package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the newest schema by running the versioned scripts in
 * {@code migrations/V<n>__<name>.sql} in order, each in its own transaction together with its row in
 * {@code schema_version}. A database newer than the newest script is refused before anything is
 * written.
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /*
     * The scripts of each database, oldest first; version n is element n-1. Listed here rather than
     * discovered because listing a folder inside a bundle is not portable. Never edit a released
     * script: add V(n+1) instead.
     */

    /** The controller's database: pipelines, executions, devices, accounts, audit. */
    static final Migrations CONTROLLER = new Migrations(
            "migrations/",
            List.of(
                    "V1__init.sql",
                    "V2__security.sql",
                    "V3__pipeline_interface.sql",
                    "V4__event_log.sql",
                    "V5__event_log_moved.sql"));

    /** The event log's own database, so its writes and pruning never hold the controller's write lock. */
    static final Migrations EVENTS = new Migrations("migrations/events/", List.of("V1__event_batches.sql"));

    private final String folder;
    private final List<String> scripts;

    private Migrations(String folder, List<String> scripts) {
        this.folder = folder;
        this.scripts = scripts;
    }

    /** @return the schema version the newest script creates */
    int newestVersion() {
        return scripts.size();
    }

    /**
     * Reads the schema version without writing anything.
     *
     * @param connection a connection to the database
     * @return the version; 0 for an empty database
     */
    static int currentVersion(Connection connection) throws SQLException {
        if (!Sql.exists(connection, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
            return 0;
        }
        return Sql.list(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version", row -> row.getInt(1))
                .get(0);
    }

    /**
     * Refuses a database written by a newer controller; call before anything writes to it.
     *
     * @param connection a connection to the database
     * @param name       the database as the operator knows it (its file)
     * @throws StorageException when its schema is newer than this controller's
     */
    void refuseNewer(Connection connection, String name) throws SQLException {
        int current = currentVersion(connection);
        if (current > newestVersion()) {
            throw new StorageException("database " + name + " has schema version " + current
                    + ", this controller knows up to " + newestVersion()
                    + "; use a newer controller or another data directory");
        }
    }

    /**
     * Applies every script newer than the database's version.
     *
     * @param connection a connection in auto-commit mode
     * @param name       the database as the operator knows it
     */
    void migrate(Connection connection, String name) throws SQLException {
        migrate(connection, name, newestVersion());
    }

    /**
     * Applies the scripts newer than the database's version up to a given one; tests use it to make
     * a database as an older controller left it.
     *
     * @param connection a connection in auto-commit mode
     * @param name       the database as the operator knows it
     * @param upTo       the version to stop at
     */
    void migrate(Connection connection, String name, int upTo) throws SQLException {
        refuseNewer(connection, name);
        for (int version = currentVersion(connection) + 1; version <= Math.min(upTo, newestVersion()); version++) {
            String script = scripts.get(version - 1);
            int applied = version;
            Transactions.inTransaction(connection, c -> {
                Sql.execute(
                        c,
                        "CREATE TABLE IF NOT EXISTS schema_version "
                                + "(version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL)");
                for (String statement : statements(load(script))) {
                    Sql.execute(c, statement);
                }
                return Sql.update(
                        c,
                        "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)",
                        applied,
                        script,
                        Instant.now().toString());
            });
            LOG.info("database {}: applied schema version {} ({})", name, version, script);
        }
    }

    /**
     * Splits a script into statements: a statement ends with {@code ;} at the end of a line, and
     * lines starting with {@code --} are comments. Enough for our own DDL scripts.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private String load(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream(folder + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the bundle: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration script " + script, e);
        }
    }
}
