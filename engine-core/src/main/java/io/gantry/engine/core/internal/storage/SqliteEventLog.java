package io.gantry.engine.core.internal.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gantry.engine.api.event.LoggedEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The event log's database, a file of its own: {@code event_epoch}, one row per start of the controller,
 * numbered by SQLite in the order they began, and {@code event_batch}, the events of one commit per row
 * (see {@code migrations/events/V1__event_batches.sql}). Retention works on whole rows, so it keeps
 * at least the newest events it is asked to keep, and at most one commit's worth more.
 */
public final class SqliteEventLog implements AutoCloseable {
    private static final TypeReference<List<StoredEvent>> BATCH = new TypeReference<>() {};

    private final SqliteDatabase database;
    private final Clock clock;
    private long upto; // events written so far, over the log's life; only the writer thread appends

    /** One event in a row's JSON array. */
    record StoredEvent(long seq, String topic, Map<String, Object> properties) {}

    private SqliteEventLog(SqliteDatabase database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.upto = database.queryFirst(
                        "count the event log", "SELECT COALESCE(MAX(upto), 0) FROM event_batch", row -> row.getLong(1))
                .orElse(0L);
    }

    /**
     * Opens (creating or migrating) the event log's file.
     *
     * @param file  the file, usually {@code events.db} in the data folder
     * @param clock tells when an epoch began and which events are too old
     * @return the log
     */
    public static SqliteEventLog open(Path file, Clock clock) {
        return new SqliteEventLog(
                new SqliteDatabase(SqliteDataSources.createUnwaited(file), file.toString(), Migrations.EVENTS), clock);
    }

    /**
     * Records a new epoch, after every earlier one.
     *
     * @param epoch its id, new to this database
     * @return its number, the events' key
     */
    public long begin(String epoch) {
        return database.write("begin event epoch " + epoch, c -> {
            Sql.update(
                    c,
                    "INSERT INTO event_epoch (epoch, started_at) VALUES (?, ?)",
                    epoch,
                    Columns.nanos(clock.instant()));
            return Sql.list(c, "SELECT last_insert_rowid()", row -> row.getLong(1))
                    .get(0);
        });
    }

    /**
     * Appends events, in seq order, as one row in one transaction: a burst costs one insert and one commit.
     * Called by one thread at a time.
     *
     * @param epochNo their epoch's number
     * @param events  events of that epoch in ascending seq, their properties already plain JSON values
     */
    public void append(long epochNo, List<LoggedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<StoredEvent> stored = new ArrayList<>(events.size());
        events.forEach(event -> stored.add(new StoredEvent(event.seq(), event.topic(), event.properties())));
        byte[] json = JsonCodec.writeUtf8(stored);
        long after = upto + events.size();
        database.write(
                "append " + events.size() + " events to the event log",
                c -> Sql.update(
                        c,
                        "INSERT INTO event_batch (epoch_no, first_seq, last_seq, at, events_in, upto, events) "
                                + "VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TEXT))",
                        epochNo,
                        events.get(0).seq(),
                        events.get(events.size() - 1).seq(),
                        Columns.nanos(clock.instant()),
                        events.size(),
                        after,
                        json));
        upto = after;
    }

    /**
     * @param epoch an epoch id
     * @return its number; empty when the database has no such epoch
     */
    public Optional<Long> number(String epoch) {
        return database.queryFirst(
                "find event epoch", "SELECT no FROM event_epoch WHERE epoch = ?", row -> row.getLong(1), epoch);
    }

    /**
     * @param epochNo  the epoch of the last event a reader has
     * @param afterSeq its seq
     * @param max      at most this many
     * @return the events after it, in log order
     */
    public List<LoggedEvent> after(long epochNo, long afterSeq, int max) {
        int limit = Math.max(1, max);
        return database.read("read the event log", c -> {
            List<LoggedEvent> found = new ArrayList<>();
            try (PreparedStatement select =
                    c.prepareStatement("SELECT e.epoch, b.epoch_no, b.events FROM event_batch b "
                            + "JOIN event_epoch e ON e.no = b.epoch_no "
                            + "WHERE (b.epoch_no = ? AND b.last_seq > ?) OR b.epoch_no > ? ORDER BY b.no")) {
                select.setLong(1, epochNo);
                select.setLong(2, afterSeq);
                select.setLong(3, epochNo);
                try (ResultSet rows = select.executeQuery()) {
                    // rows are read one at a time and the reading stops once enough events are found
                    while (found.size() < limit && rows.next()) {
                        String epoch = rows.getString(1);
                        boolean sameEpoch = rows.getLong(2) == epochNo;
                        for (StoredEvent event : JsonCodec.read(rows.getString(3), BATCH)) {
                            if ((!sameEpoch || event.seq() > afterSeq) && found.size() < limit) {
                                found.add(new LoggedEvent(epoch, event.seq(), event.topic(), event.properties()));
                            }
                        }
                    }
                }
            }
            return found;
        });
    }

    /** @return the oldest event kept; empty when there is none */
    public Optional<LoggedEvent> oldest() {
        List<LoggedEvent> first = after(0, 0, 1);
        return first.isEmpty() ? Optional.empty() : Optional.of(first.get(0));
    }

    /**
     * Deletes the oldest rows whose events all lie beyond a count, and those written before an age, and the
     * epochs left empty (but never the current one).
     *
     * @param keepNewest events kept at least; 0 for any number
     * @param maxAge     rows older than this go; zero for any age
     * @param currentNo  the current epoch's number
     * @return how many events went
     */
    public long prune(long keepNewest, Duration maxAge, long currentNo) {
        return database.write("prune the event log", c -> {
            long before = count(c);
            if (keepNewest > 0) {
                Sql.update(c, "DELETE FROM event_batch WHERE upto <= ?", upto - keepNewest);
            }
            if (!maxAge.isZero()) {
                Instant oldest = clock.instant().minus(maxAge);
                Sql.update(c, "DELETE FROM event_batch WHERE at < ?", Columns.nanos(oldest));
            }
            Sql.update(
                    c,
                    "DELETE FROM event_epoch WHERE no <> ? AND NOT EXISTS "
                            + "(SELECT 1 FROM event_batch WHERE event_batch.epoch_no = event_epoch.no)",
                    currentNo);
            return before - count(c);
        });
    }

    /** @return how many events the log holds */
    public long size() {
        return database.read("count the event log", SqliteEventLog::count);
    }

    /** Counts from the running totals: the newest row's, less what came before the oldest row. */
    private static long count(Connection c) throws SQLException {
        return Sql.list(
                        c,
                        "SELECT COALESCE(MAX(upto), 0) - COALESCE((SELECT upto - events_in "
                                + "FROM event_batch ORDER BY no LIMIT 1), 0) FROM event_batch",
                        row -> row.getLong(1))
                .get(0);
    }

    /** Closes the file. */
    @Override
    public void close() {
        database.close();
    }
}
