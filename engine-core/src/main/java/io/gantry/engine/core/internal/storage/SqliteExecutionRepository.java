package io.gantry.engine.core.internal.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.execution.NodeRecord;
import io.gantry.engine.api.service.ExecutionQuery;
import io.gantry.engine.api.storage.ExecutionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Executions in SQLite: one {@code execution} row each, the per-node map and the error as JSON
 * columns, so that an update at every node transition rewrites one row (one fsync'ed commit).
 */
public class SqliteExecutionRepository implements ExecutionRepository {
    private static final TypeReference<Map<String, NodeRecord>> NODES = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {};
    private static final String RUNNING = ExecutionStatus.RUNNING.name();
    private static final String SELECT = "SELECT id, pipeline_id, pipeline_version, status, started_at, finished_at, "
            + "duration_ms, done, total, nodes, error, started_by, inputs, outputs, parent_execution_id, parent_node_id "
            + "FROM execution ";
    private static final String UPDATE = "UPDATE execution SET pipeline_id = ?, pipeline_version = ?, status = ?, "
            + "started_at = ?, finished_at = ?, duration_ms = ?, done = ?, total = ?, nodes = CAST(? AS TEXT), "
            + "error = ?, started_by = ?, inputs = ?, outputs = ?, parent_execution_id = ?, parent_node_id = ? "
            + "WHERE id = ?";
    private static final String INSERT = "INSERT INTO execution (pipeline_id, pipeline_version, status, started_at, "
            + "finished_at, duration_ms, done, total, nodes, error, started_by, inputs, outputs, parent_execution_id, "
            + "parent_node_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPSERT = INSERT + " ON CONFLICT (id) DO UPDATE SET pipeline_id = excluded.pipeline_id, "
            + "pipeline_version = excluded.pipeline_version, status = excluded.status, "
            + "started_at = excluded.started_at, finished_at = excluded.finished_at, "
            + "duration_ms = excluded.duration_ms, done = excluded.done, total = excluded.total, "
            + "nodes = excluded.nodes, error = excluded.error, started_by = excluded.started_by, "
            + "inputs = excluded.inputs, outputs = excluded.outputs, parent_execution_id = excluded.parent_execution_id, "
            + "parent_node_id = excluded.parent_node_id "
            // an ended run's row is final: a stale RUNNING snapshot arriving late must not revive it
            + "WHERE execution.status = '" + RUNNING + "'";

    private final SqliteDatabase database;
    private final Clock clock;

    /**
     * @param database the database
     * @param clock    tells {@link #markInterrupted} and {@link #prune} what time it is
     */
    public SqliteExecutionRepository(SqliteDatabase database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void insert(ExecutionRecord record) {
        Object[] columns = columns(record);
        database.write("insert execution '" + record.id() + "'", c -> {
            if (Sql.exists(c, "SELECT 1 FROM execution WHERE id = ?", record.id())) {
                throw new ConflictException("execution '" + record.id() + "' already exists");
            }
            return Sql.update(c, INSERT, columns);
        });
    }

    @Override
    public void update(ExecutionRecord record) {
        Object[] columns = columns(record);
        database.write("update execution '" + record.id() + "'", c -> {
            if (Sql.update(c, UPDATE, columns) == 0) {
                throw new NotFoundException("execution '" + record.id() + "' does not exist");
            }
            return null;
        });
    }

    @Override
    public void saveAll(Collection<ExecutionRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Object[]> rows =
                records.stream().map(SqliteExecutionRepository::columns).toList();
        database.write("save " + rows.size() + " executions", c -> {
            Sql.updateEach(c, UPSERT, rows);
            return null;
        });
    }

    @Override
    public Optional<ExecutionRecord> find(String id) {
        return database.queryFirst(
                "read execution '" + id + "'", SELECT + "WHERE id = ?", SqliteExecutionRepository::execution, id);
    }

    @Override
    public List<ExecutionRecord> list(ExecutionQuery query) {
        if (query.limit() < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + query.limit());
        }
        String status = query.status() == null ? null : query.status().name();
        return database.query(
                "list executions",
                SELECT + "WHERE (? IS NULL OR pipeline_id = ?) AND (? IS NULL OR status = ?) "
                        + "AND (? IS NULL OR parent_execution_id = ?) "
                        + "ORDER BY started_at DESC, seq DESC LIMIT ?",
                SqliteExecutionRepository::execution,
                query.pipelineId(),
                query.pipelineId(),
                status,
                status,
                query.parentExecutionId(),
                query.parentExecutionId(),
                query.limit());
    }

    @Override
    public int markInterrupted(String reason) {
        return endInterrupted(reason).size();
    }

    /**
     * Ends every run left RUNNING, as {@link #markInterrupted} does.
     *
     * @param reason why they ended
     * @return the runs as they are now recorded, FAILED
     */
    List<ExecutionRecord> endInterrupted(String reason) {
        return database.write("mark interrupted executions", c -> {
            Instant now = clock.instant();
            List<ExecutionRecord> running =
                    Sql.list(c, SELECT + "WHERE status = ?", SqliteExecutionRepository::execution, RUNNING);
            List<ExecutionRecord> ended = new ArrayList<>(running.size());
            for (ExecutionRecord run : running) {
                ExecutionRecord end = Interruption.end(run, reason, now);
                Sql.update(c, UPDATE, columns(end));
                ended.add(end);
            }
            return ended;
        });
    }

    @Override
    public int prune(int keepNewest, Duration maxAge) {
        if (keepNewest < 0) {
            throw new IllegalArgumentException("keepNewest must not be negative, was " + keepNewest);
        }
        boolean byAge = maxAge != null && !maxAge.isZero() && !maxAge.isNegative();
        return database.write("prune executions", c -> {
            int deleted = 0;
            if (keepNewest > 0) {
                deleted += Sql.update(
                        c,
                        "DELETE FROM execution WHERE status <> ? AND seq NOT IN "
                                + "(SELECT seq FROM execution ORDER BY started_at DESC, seq DESC LIMIT ?)",
                        RUNNING,
                        keepNewest);
            }
            if (byAge) {
                Long cutoff = Columns.nanos(clock.instant().minus(maxAge));
                deleted += Sql.update(
                        c,
                        "DELETE FROM execution WHERE status <> ? " + "AND COALESCE(finished_at, started_at) < ?",
                        RUNNING,
                        cutoff);
            }
            return deleted;
        });
    }

    /** @return the values of {@link #UPDATE}'s placeholders, the id last (the INSERT binds the same order) */
    private static Object[] columns(ExecutionRecord r) {
        Objects.requireNonNull(r.id(), "id");
        Objects.requireNonNull(r.status(), "status");
        Objects.requireNonNull(r.startedAt(), "startedAt");
        return new Object[] {
            r.pipelineId(),
            r.pipelineVersion(),
            r.status().name(),
            Columns.nanos(r.startedAt()),
            Columns.nanos(r.finishedAt()),
            r.durationMs(),
            r.done(),
            r.total(),
            JsonCodec.writeUtf8(r.nodes()), // bound as CAST(? AS TEXT)
            r.error() == null ? null : JsonCodec.write(r.error()),
            r.startedBy(),
            r.inputs().isEmpty() ? null : JsonCodec.write(r.inputs()),
            r.outputs().isEmpty() ? null : JsonCodec.write(r.outputs()),
            r.parentExecutionId(),
            r.parentNodeId(),
            r.id()
        };
    }

    private static ExecutionRecord execution(ResultSet row) throws SQLException {
        return new ExecutionRecord(
                row.getString("id"),
                row.getString("pipeline_id"),
                row.getInt("pipeline_version"),
                ExecutionStatus.valueOf(row.getString("status")),
                Columns.instant(row, "started_at"),
                Columns.instant(row, "finished_at"),
                Columns.nullableLong(row, "duration_ms"),
                row.getInt("done"),
                row.getInt("total"),
                JsonCodec.read(row.getString("nodes"), NODES),
                JsonCodec.read(row.getString("error"), ExecutionError.class),
                row.getString("started_by"),
                JsonCodec.read(row.getString("inputs"), VALUES),
                JsonCodec.read(row.getString("outputs"), VALUES),
                row.getString("parent_execution_id"),
                row.getString("parent_node_id"));
    }
}
