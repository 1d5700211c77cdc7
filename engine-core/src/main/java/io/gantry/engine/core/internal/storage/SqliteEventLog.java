package io.gantry.engine.core.internal.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gantry.engine.api.event.LoggedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The event log's tables: {@code event_epoch}, one row per start of the controller, numbered by SQLite in
 * the order they began, and {@code event_log}, the events keyed by that number and their seq, so one
 * index orders the whole log across restarts.
 */
public class SqliteEventLog {
    private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {};
    private static final String SELECT = "SELECT e.epoch, l.seq, l.topic, l.properties FROM event_log l "
            + "JOIN event_epoch e ON e.no = l.epoch_no ";

    private final SqliteDatabase database;
    private final Clock clock;

    /**
     * @param database the database
     * @param clock    tells when an epoch began and which events are too old
     */
    public SqliteEventLog(SqliteDatabase database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
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
     * Appends events in one transaction: a burst costs one commit.
     *
     * @param epochNo their epoch's number
     * @param events  events of that epoch, their properties already plain JSON values
     */
    public void append(long epochNo, List<LoggedEvent> events) {
        database.write("append " + events.size() + " events to the event log", c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT OR IGNORE INTO event_log (epoch_no, seq, at, topic, properties) VALUES (?, ?, ?, ?, ?)")) {
                long now = Columns.nanos(clock.instant());
                for (LoggedEvent event : events) {
                    insert.setLong(1, epochNo);
                    insert.setLong(2, event.seq());
                    insert.setLong(3, now);
                    insert.setString(4, event.topic());
                    insert.setString(5, JsonCodec.write(event.properties()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
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
        return database.query(
                "read the event log",
                SELECT + "WHERE (l.epoch_no = ? AND l.seq > ?) OR l.epoch_no > ? ORDER BY l.epoch_no, l.seq LIMIT ?",
                row -> new LoggedEvent(
                        row.getString(1),
                        row.getLong(2),
                        row.getString(3),
                        JsonCodec.read(row.getString(4), PROPERTIES)),
                epochNo,
                afterSeq,
                epochNo,
                Math.max(1, max));
    }

    /** @return the oldest event kept; empty when there is none */
    public Optional<LoggedEvent> oldest() {
        List<LoggedEvent> first = after(0, 0, 1);
        return first.isEmpty() ? Optional.empty() : Optional.of(first.get(0));
    }

    /**
     * Deletes the oldest events beyond a count and those older than an age, and the epochs left empty
     * (but never the current one).
     *
     * @param keepNewest events kept at most; 0 for any number
     * @param maxAge     events older than this go; zero for any age
     * @param currentNo  the current epoch's number
     * @return how many events went
     */
    public int prune(long keepNewest, Duration maxAge, long currentNo) {
        return database.write("prune the event log", c -> {
            int deleted = 0;
            if (keepNewest > 0) {
                deleted += deleteBeyond(c, keepNewest);
            }
            if (!maxAge.isZero()) {
                Instant oldest = clock.instant().minus(maxAge);
                deleted += Sql.update(c, "DELETE FROM event_log WHERE at < ?", Columns.nanos(oldest));
            }
            Sql.update(
                    c,
                    "DELETE FROM event_epoch WHERE no <> ? AND NOT EXISTS "
                            + "(SELECT 1 FROM event_log WHERE event_log.epoch_no = event_epoch.no)",
                    currentNo);
            return deleted;
        });
    }

    private static int deleteBeyond(Connection c, long keepNewest) throws SQLException {
        List<long[]> edge = Sql.list(
                c,
                "SELECT epoch_no, seq FROM event_log ORDER BY epoch_no DESC, seq DESC LIMIT 1 OFFSET ?",
                row -> new long[] {row.getLong(1), row.getLong(2)},
                keepNewest);
        if (edge.isEmpty()) {
            return 0;
        }
        long[] last = edge.get(0);
        return Sql.update(
                c,
                "DELETE FROM event_log WHERE epoch_no < ? OR (epoch_no = ? AND seq <= ?)",
                last[0],
                last[0],
                last[1]);
    }
}
