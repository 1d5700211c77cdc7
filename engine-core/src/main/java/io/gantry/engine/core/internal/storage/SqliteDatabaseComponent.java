package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.execution.ExecutionRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the configured SQLite file at activation (refusing a newer schema, migrating an older one),
 * ends the runs a previous process left RUNNING, keeps retention of executions and of the audit trail
 * going, and offers the open database to the repository and security components of this bundle.
 */
// immediate: open (or refuse) the database when the bundle starts, not at first use, and keep it
// open instead of closing and reopening it whenever the last consumer goes away
@Component(
        service = {SqliteDatabase.class, InterruptedRuns.class},
        configurationPid = StorageConfiguration.PID,
        immediate = true)
@Designate(ocd = StorageConfiguration.class)
public final class SqliteDatabaseComponent extends SqliteDatabase implements InterruptedRuns {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabaseComponent.class);

    /** The message of executions found RUNNING when the database opens. */
    static final String RESTART_REASON = "the controller stopped while this execution was running";

    private final RetentionTask retention;
    // handed out once, so that they are announced once per start
    private final AtomicReference<List<ExecutionRecord>> interrupted;

    /**
     * @param context gives the {@code gantry.data} property
     * @param config  the file and the retention of executions and audit entries
     */
    @Activate
    public SqliteDatabaseComponent(BundleContext context, StorageConfiguration config) {
        this(DataFile.resolve(config.databaseFile(), context.getProperty(DataFile.DATA_PROPERTY)), config);
    }

    private SqliteDatabaseComponent(Path file, StorageConfiguration config) {
        super(SqliteDataSources.create(file), file.toString());
        // No repository of this database has been handed out yet, so nothing RUNNING in it can
        // still be running: those runs belong to a process that is gone.
        SqliteExecutionRepository executions = new SqliteExecutionRepository(this, Clock.systemUTC());
        List<ExecutionRecord> ended = executions.endInterrupted(RESTART_REASON);
        if (!ended.isEmpty()) {
            LOG.warn("{} executions were running when the controller stopped; marked FAILED", ended.size());
        }
        interrupted = new AtomicReference<>(List.copyOf(ended));
        int keepNewest = Math.max(0, config.retentionCount());
        Duration maxAge = Duration.ofDays(Math.max(0, config.retentionAgeDays()));
        SqliteAuditLog audit = new SqliteAuditLog(this, Clock.systemUTC());
        Duration auditAge = Duration.ofDays(Math.max(0, config.auditRetentionDays()));
        retention = new RetentionTask(List.of(
                new RetentionTask.Pruning(
                        "old executions (keeping the newest " + keepNewest + ", at most " + maxAge + " old)",
                        () -> executions.prune(keepNewest, maxAge)),
                new RetentionTask.Pruning(
                        "audit entries older than " + auditAge.toDays() + " days", () -> audit.prune(auditAge))));
    }

    @Override
    public List<ExecutionRecord> takeEndedAtStart() {
        return interrupted.getAndSet(List.of());
    }

    /** Stops the retention task and closes the database. */
    @Deactivate
    void deactivate() {
        retention.close();
        close();
    }
}
