package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.error.PreconditionFailedException;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.api.storage.PipelineRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Pipelines in SQLite: a {@code pipeline} row holding the latest version number and one immutable
 * {@code pipeline_version} row per save, its definition as JSON. The version check and the insert
 * happen in one write transaction, which is what makes optimistic concurrency exact.
 */
public class SqlitePipelineRepository implements PipelineRepository {
    private static final String SELECT_VERSION =
            "SELECT v.pipeline_id, v.version, v.saved_at, v.definition FROM pipeline_version v ";
    private static final String JOIN_LATEST =
            "JOIN pipeline p ON p.id = v.pipeline_id AND p.latest_version = v.version ";

    private final SqliteDatabase database;
    private final Clock clock;
    private final LatestVersionCache latestVersions = new LatestVersionCache();

    /**
     * @param database the database
     * @param clock    gives each version's {@code savedAt}
     */
    public SqlitePipelineRepository(SqliteDatabase database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PipelineVersion create(PipelineDefinition definition) {
        String id =
                definition.id() != null ? definition.id() : UUID.randomUUID().toString();
        StoredJson<PipelineDefinition> stored = StoredJson.of(definition.withId(id), PipelineDefinition.class);
        PipelineVersion created = database.write("create pipeline '" + id + "'", c -> {
            if (latestVersion(c, id).isPresent()) {
                throw new ConflictException("pipeline '" + id + "' already exists");
            }
            Sql.update(c, "INSERT INTO pipeline (id, latest_version) VALUES (?, 1)", id);
            return insertVersion(c, new PipelineVersion(id, 1, clock.instant(), stored.value()), stored.json());
        });
        latestVersions.saved(created);
        return created;
    }

    @Override
    public PipelineVersion saveNewVersion(String id, PipelineDefinition definition, Integer expectedVersion) {
        Objects.requireNonNull(id, "id");
        StoredJson<PipelineDefinition> stored = StoredJson.of(definition.withId(id), PipelineDefinition.class);
        PipelineVersion saved = database.write("save pipeline '" + id + "'", c -> {
            int current = latestVersion(c, id)
                    .orElseThrow(() -> new NotFoundException("pipeline '" + id + "' does not exist"));
            if (expectedVersion != null && expectedVersion != current) {
                throw new PreconditionFailedException("pipeline '" + id + "': expected version " + expectedVersion
                        + " but the current version is " + current);
            }
            int next = current + 1;
            Sql.update(c, "UPDATE pipeline SET latest_version = ? WHERE id = ?", next, id);
            return insertVersion(c, new PipelineVersion(id, next, clock.instant(), stored.value()), stored.json());
        });
        latestVersions.saved(saved);
        return saved;
    }

    @Override
    public Optional<PipelineVersion> latest(String id) {
        return latestVersions.get(
                id,
                () -> database.queryFirst(
                        "read pipeline '" + id + "'",
                        SELECT_VERSION + JOIN_LATEST + "WHERE p.id = ?",
                        SqlitePipelineRepository::version,
                        id));
    }

    @Override
    public Optional<PipelineVersion> version(String id, int version) {
        return database.queryFirst(
                "read pipeline '" + id + "' version " + version,
                SELECT_VERSION + "WHERE v.pipeline_id = ? AND v.version = ?",
                SqlitePipelineRepository::version,
                id,
                version);
    }

    @Override
    public List<PipelineVersion> versions(String id) {
        return database.query(
                "read the versions of pipeline '" + id + "'",
                SELECT_VERSION + "WHERE v.pipeline_id = ? ORDER BY v.version",
                SqlitePipelineRepository::version,
                id);
    }

    @Override
    public List<PipelineVersion> latestOfAll() {
        return database.query(
                "list pipelines", SELECT_VERSION + JOIN_LATEST + "ORDER BY p.id", SqlitePipelineRepository::version);
    }

    @Override
    public boolean delete(String id) {
        // the versions go with it: ON DELETE CASCADE
        boolean deleted = database.write(
                "delete pipeline '" + id + "'", c -> Sql.update(c, "DELETE FROM pipeline WHERE id = ?", id) > 0);
        latestVersions.deleted(id);
        return deleted;
    }

    private static Optional<Integer> latestVersion(Connection c, String id) throws SQLException {
        return Sql.list(c, "SELECT latest_version FROM pipeline WHERE id = ?", row -> row.getInt(1), id).stream()
                .findFirst();
    }

    private static PipelineVersion insertVersion(Connection c, PipelineVersion version, String json)
            throws SQLException {
        Sql.update(
                c,
                "INSERT INTO pipeline_version (pipeline_id, version, saved_at, definition) VALUES (?, ?, ?, ?)",
                version.id(),
                version.version(),
                Columns.nanos(version.savedAt()),
                json);
        return version;
    }

    private static PipelineVersion version(ResultSet row) throws SQLException {
        return new PipelineVersion(
                row.getString("pipeline_id"),
                row.getInt("version"),
                Columns.instant(row, "saved_at"),
                JsonCodec.read(row.getString("definition"), PipelineDefinition.class));
    }
}
