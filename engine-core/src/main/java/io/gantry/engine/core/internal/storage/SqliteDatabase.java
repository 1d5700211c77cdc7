package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.storage.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SQLite database shared by the repositories. Writes are serialized in Java on a single
 * connection guarded by a fair lock: SQLite allows one writer at a time anyway, and queueing in
 * Java is cheaper and fairer than every writer spinning on SQLITE_BUSY. Reads use their own
 * connections (WAL lets them run while a write is in progress, each seeing the last commit), kept
 * in a small idle pool because opening one costs more than most of our queries.
 *
 * <p>Opening it refuses a database of a newer schema, switches on WAL and applies migrations.
 */
public class SqliteDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
    private static final int IDLE_READERS = 4;

    private final DataSource dataSource;
    private final String name;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(IDLE_READERS);
    private volatile boolean closed;

    /**
     * Opens the database and brings its schema up to date.
     *
     * @param dataSource where connections come from (an SQLite data source, see {@link SqliteDataSources})
     * @param name       how messages name the database (its file)
     * @throws StorageException when it cannot be opened or has a newer schema; then nothing was written
     */
    public SqliteDatabase(DataSource dataSource, String name) {
        this(dataSource, name, Migrations.CONTROLLER);
    }

    /**
     * Opens a database of another schema.
     *
     * @param dataSource where connections come from
     * @param name       how messages name the database (its file)
     * @param schema     its migrations
     */
    SqliteDatabase(DataSource dataSource, String name, Migrations schema) {
        this.dataSource = dataSource;
        this.name = name;
        this.writer = connect();
        try {
            schema.refuseNewer(writer, name);
            // persistent in the file; concurrent readers and one fsync per commit instead of two
            Sql.execute(writer, "PRAGMA journal_mode=WAL");
            schema.migrate(writer, name);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(writer);
            throw e instanceof StorageException se ? se : new StorageException("cannot open database " + name, e);
        }
        LOG.info("database {} open at schema version {}", name, schema.newestVersion());
    }

    /**
     * Runs work in one write transaction, after every earlier write. A domain exception thrown by
     * the work rolls the transaction back and reaches the caller unchanged.
     *
     * @param what what the work does, for the message of a failure
     * @param work the work
     * @return what it returned, once committed and on disk
     * @throws StorageException when the database fails
     */
    public <T> T write(String what, SqlWork<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            return Transactions.inTransaction(writer, work);
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs work on a read connection in auto-commit mode (each statement sees the last commit).
     *
     * @param what what the work does, for the message of a failure
     * @param work the work; must not write
     * @return what it returned
     * @throws StorageException when the database fails
     */
    public <T> T read(String what, SqlWork<T> work) {
        ensureOpen();
        Connection reader = idleReaders.poll();
        if (reader == null) {
            reader = connect();
        }
        boolean reusable = false;
        try {
            T result = work.run(reader);
            reusable = true;
            return result;
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            release(reader, reusable);
        }
    }

    /** Runs a query on a read connection; see {@link Sql#list}. */
    <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... args) {
        return read(what, c -> Sql.list(c, sql, mapper, args));
    }

    /** Runs a query on a read connection and keeps its first row. */
    <T> Optional<T> queryFirst(String what, String sql, RowMapper<T> mapper, Object... args) {
        return query(what, sql, mapper, args).stream().findFirst();
    }

    /** @return how messages name this database */
    public String name() {
        return name;
    }

    /** Closes every connection; a write in progress finishes first. */
    @Override
    public void close() {
        closed = true;
        writeLock.lock();
        try {
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
        Connection reader;
        while ((reader = idleReaders.poll()) != null) {
            closeQuietly(reader);
        }
        LOG.info("database {} closed", name);
    }

    private void release(Connection reader, boolean reusable) {
        if (!reusable || closed || !idleReaders.offer(reader)) {
            closeQuietly(reader);
        }
    }

    private Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw failure("connect", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException("database " + name + " is closed");
        }
    }

    private StorageException failure(String what, SQLException e) {
        return new StorageException("database " + name + ": " + what + " failed: " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // teardown: nothing left to do with a connection that will not close
            LOG.debug("closing a connection failed", e);
        }
    }
}
