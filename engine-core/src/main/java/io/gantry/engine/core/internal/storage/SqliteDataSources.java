package io.gantry.engine.core.internal.storage;

import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Builds the SQLite data source with the settings that make an acknowledged write durable. */
final class SqliteDataSources {
    /** How long a connection waits for a lock another process holds before failing. */
    static final int BUSY_TIMEOUT_MS = 5_000;

    private SqliteDataSources() {}

    /**
     * Every connection gets {@code synchronous=FULL}: in WAL mode each COMMIT is fsync'ed to the
     * WAL file before it returns, so an acknowledged write survives a crash or a power loss (NORMAL
     * would only survive a process crash). Foreign keys are enforced. WAL itself is not set here:
     * it is persistent in the file and {@link SqliteDatabase} switches it on only after the schema
     * check, so a database we refuse to open is left untouched.
     *
     * @param file the database file; created when missing (its folder must exist)
     * @return the data source
     */
    static SQLiteDataSource create(Path file) {
        return create(file, SQLiteConfig.SynchronousMode.FULL);
    }

    /**
     * The same for a database whose writes nobody waits for: the event log, a record the controller
     * keeps behind its events, never before anything is acknowledged. {@code synchronous=NORMAL}
     * in WAL mode still survives a crash of the controller (what a commit wrote is in the WAL file,
     * whole or not at all) and syncs only at checkpoints; a power loss may cost the last commits,
     * which the stream then reports as a gap.
     *
     * @param file the database file; created when missing (its folder must exist)
     * @return the data source
     */
    static SQLiteDataSource createUnwaited(Path file) {
        return create(file, SQLiteConfig.SynchronousMode.NORMAL);
    }

    private static SQLiteDataSource create(Path file, SQLiteConfig.SynchronousMode synchronous) {
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(synchronous);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }
}
