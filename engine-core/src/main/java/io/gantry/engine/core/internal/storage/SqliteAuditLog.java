package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.security.AuditEntry;
import io.gantry.engine.api.security.AuditQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The audit trail in SQLite: one {@code audit} row per entry, numbered by SQLite in the order they
 * were committed. Appending takes a whole batch in one transaction, so a burst of entries costs one
 * disk sync.
 */
public class SqliteAuditLog {
    /** The most entries one {@link #find} returns, whatever the query asks. */
    public static final int MAX_LIMIT = 1000;

    private static final String SELECT =
            "SELECT id, at, who, action, target, outcome, status, source, detail FROM audit ";

    private final SqliteDatabase database;
    private final Clock clock;

    /**
     * @param database the database
     * @param clock    tells {@link #prune} what time it is
     */
    public SqliteAuditLog(SqliteDatabase database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Appends entries in one transaction.
     *
     * @param entries entries with their time set; their ids are ignored
     * @return the entries as recorded, with their ids, in the same order
     */
    public List<AuditEntry> appendAll(List<AuditEntry> entries) {
        return database.write("record " + entries.size() + " audit entries", c -> {
            List<AuditEntry> recorded = new ArrayList<>(entries.size());
            // prepared once for the batch: SQLite parses each statement once, not once per entry
            try (PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO audit (at, who, action, target, outcome, status, source, detail) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement rowId = c.prepareStatement("SELECT last_insert_rowid()")) {
                for (AuditEntry e : entries) {
                    Objects.requireNonNull(e.at(), "at");
                    insert.setLong(1, Columns.nanos(e.at()));
                    insert.setString(2, e.who());
                    insert.setString(3, e.action());
                    insert.setString(4, e.target());
                    insert.setString(5, e.outcome());
                    insert.setObject(6, e.status());
                    insert.setString(7, e.source());
                    insert.setString(8, e.detail());
                    insert.executeUpdate();
                    long id;
                    try (ResultSet row = rowId.executeQuery()) {
                        row.next();
                        id = row.getLong(1);
                    }
                    recorded.add(new AuditEntry(
                            id,
                            e.at(),
                            e.who(),
                            e.action(),
                            e.target(),
                            e.outcome(),
                            e.status(),
                            e.source(),
                            e.detail()));
                }
            }
            return recorded;
        });
    }

    /**
     * @param query filters; its limit is capped at {@value #MAX_LIMIT}
     * @return matching entries, newest first
     * @throws IllegalArgumentException when the limit is below 1
     */
    public List<AuditEntry> find(AuditQuery query) {
        if (query.limit() < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + query.limit());
        }
        String who = query.who();
        // A user's name also matches its tokens, "alice/tok_…": every text that starts with
        // "alice/tok_" sorts from it up to "alice/tok`" ('`' follows '_'). A range rather than LIKE,
        // because '_' is a LIKE wildcard that user names may hold, and a range uses the index.
        String tokensFrom = who == null ? null : who + "/tok_";
        String tokensTo = who == null ? null : who + "/tok`";
        return database.query(
                "read the audit trail",
                SELECT + "WHERE (? IS NULL OR who = ? OR (who >= ? AND who < ?)) "
                        // instr, not LIKE: the text is matched as given, wildcards and all
                        + "AND (? IS NULL OR instr(action, ?) > 0) "
                        + "AND (? IS NULL OR instr(target, ?) > 0) "
                        + "AND (? IS NULL OR outcome = ?) "
                        + "AND (? IS NULL OR at >= ?) "
                        + "AND (? IS NULL OR at < ?) "
                        + "ORDER BY at DESC, id DESC LIMIT ?",
                SqliteAuditLog::entry,
                who,
                who,
                tokensFrom,
                tokensTo,
                query.action(),
                query.action(),
                query.target(),
                query.target(),
                query.outcome(),
                query.outcome(),
                Columns.nanos(query.since()),
                Columns.nanos(query.since()),
                Columns.nanos(query.until()),
                Columns.nanos(query.until()),
                Math.min(query.limit(), MAX_LIMIT));
    }

    /**
     * Deletes old entries.
     *
     * @param maxAge entries older than this are deleted; zero or negative deletes nothing
     * @return how many were deleted
     */
    public int prune(Duration maxAge) {
        if (maxAge.isZero() || maxAge.isNegative()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(maxAge);
        return database.write(
                "prune the audit trail", c -> Sql.update(c, "DELETE FROM audit WHERE at < ?", Columns.nanos(cutoff)));
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(
                row.getLong("id"),
                Columns.instant(row, "at"),
                row.getString("who"),
                row.getString("action"),
                row.getString("target"),
                row.getString("outcome"),
                row.getInt("status"),
                row.getString("source"),
                row.getString("detail"));
    }
}
