package io.gantry.engine.core.internal.security;

import io.gantry.engine.api.security.AuditEntry;
import io.gantry.engine.api.security.AuditQuery;
import io.gantry.engine.api.security.AuditTrail;
import io.gantry.engine.api.storage.StorageException;
import io.gantry.engine.core.internal.storage.SqliteAuditLog;
import io.gantry.engine.core.internal.storage.SqliteDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The audit trail in the controller's database. An entry is on disk when {@link #record} returns;
 * concurrent callers share commits ({@link AuditWriter}). Old entries are deleted by the storage's
 * retention ({@code auditRetentionDays}).
 */
@Component(service = AuditTrail.class)
public final class AuditTrailImpl implements AuditTrail {
    /** How long a caller waits for its entry to be on disk before the trail reports a failure. */
    static final Duration WAIT = Duration.ofSeconds(5);

    private final SqliteAuditLog log;
    private final AuditWriter writer;
    private final Clock clock;
    private final Duration wait;

    /**
     * @param database the open database
     */
    @Activate
    public AuditTrailImpl(@Reference SqliteDatabase database) {
        this(new SqliteAuditLog(database, Clock.systemUTC()), null, Clock.systemUTC(), WAIT);
    }

    /**
     * @param log    where entries are kept
     * @param append writes a batch; null for the log's own {@link SqliteAuditLog#appendAll} (tests
     *               count or hold batches here)
     * @param clock  gives entries without a time theirs
     * @param wait   how long {@link #record} waits for the disk
     */
    AuditTrailImpl(SqliteAuditLog log, UnaryOperator<List<AuditEntry>> append, Clock clock, Duration wait) {
        this.log = log;
        this.writer = new AuditWriter(append != null ? append : log::appendAll);
        this.clock = clock;
        this.wait = wait;
    }

    /** Writes what is queued and stops the writer. */
    @Deactivate
    void deactivate() {
        writer.close();
    }

    /**
     * {@inheritDoc}
     *
     * @throws NullPointerException when the entry has no action or outcome
     * @throws StorageException when the entry is not on disk within five seconds, or the write failed
     */
    @Override
    public AuditEntry record(AuditEntry entry) {
        AuditEntry complete = new AuditEntry(
                0,
                entry.at() != null ? entry.at() : clock.instant(),
                entry.who() != null ? entry.who() : "anonymous",
                Objects.requireNonNull(entry.action(), "action"),
                Objects.requireNonNullElse(entry.target(), ""),
                Objects.requireNonNull(entry.outcome(), "outcome"),
                entry.status(),
                Objects.requireNonNullElse(entry.source(), ""),
                Objects.requireNonNullElse(entry.detail(), ""));
        return await(writer.submit(complete), complete);
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        return log.find(query);
    }

    /** @return entries waiting for a commit, for tests */
    int backlog() {
        return writer.backlog();
    }

    private AuditEntry await(CompletableFuture<AuditEntry> recorded, AuditEntry entry) {
        try {
            return recorded.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StorageException(
                    "the audit entry '" + entry.action() + "' was not on disk within " + wait.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof StorageException storage
                    ? storage
                    : new StorageException("the audit entry '" + entry.action() + "' was not recorded", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while recording the audit entry '" + entry.action() + "'", e);
        }
    }
}
