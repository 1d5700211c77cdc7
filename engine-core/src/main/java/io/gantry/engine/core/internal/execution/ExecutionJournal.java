package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.storage.ExecutionRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes execution records as runs progress, with group commit: one writer thread takes everything
 * written since its last commit and stores it in one transaction — one disk sync for a whole batch —
 * and completes the futures of all who waited on that batch. Several writes of one execution between
 * two commits collapse into the latest, so a busy run costs a few row updates, not one per node; its
 * progress is only marked, and the record taken once per commit.
 */
final class ExecutionJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionJournal.class);

    private final ExecutionRepository repository;
    private final Thread writer;
    private Map<String, ExecutionRecord> pending = new LinkedHashMap<>();
    private Map<String, Supplier<ExecutionRecord>> progressed = new LinkedHashMap<>();
    private CompletableFuture<Void> nextCommit = new CompletableFuture<>();
    private boolean closed;

    ExecutionJournal(ExecutionRepository repository) {
        this.repository = repository;
        this.writer = new Thread(this::writeLoop, "gantry-execution-journal");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Queues a record for the next commit.
     *
     * @param record the execution as it is now
     * @return completes once the record (or a later one of the same execution) is on disk
     */
    synchronized CompletableFuture<Void> write(ExecutionRecord record) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the execution journal is closed"));
        }
        pending.merge(record.id(), record, ExecutionJournal::later);
        notifyAll();
        return nextCommit;
    }

    /**
     * Marks a run as further along than its stored record, for the next commit, which takes its record
     * then; never waited for (a crash loses at most the progress since the last commit).
     *
     * @param executionId the run
     * @param snapshot    its record as it is when called
     */
    synchronized void progressed(String executionId, Supplier<ExecutionRecord> snapshot) {
        if (!closed) {
            progressed.put(executionId, snapshot);
            notifyAll();
        }
    }

    /** @return records queued and not yet committed */
    synchronized int backlog() {
        return pending.size() + progressed.size();
    }

    private void writeLoop() {
        while (true) {
            Map<String, ExecutionRecord> batch;
            Map<String, Supplier<ExecutionRecord>> marked;
            CompletableFuture<Void> commit;
            synchronized (this) {
                while (pending.isEmpty() && progressed.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (pending.isEmpty() && progressed.isEmpty()) {
                    return; // closed and drained
                }
                batch = pending;
                marked = progressed;
                commit = nextCommit;
                pending = new LinkedHashMap<>();
                progressed = new LinkedHashMap<>();
                nextCommit = new CompletableFuture<>();
            }
            // outside the lock: the runs go on while their records are taken
            marked.forEach((id, snapshot) -> batch.merge(id, snapshot.get(), ExecutionJournal::later));
            try {
                repository.saveAll(batch.values());
                commit.complete(null);
            } catch (RuntimeException e) {
                LOG.error("storing {} execution records failed", batch.size(), e);
                commit.completeExceptionally(e);
            }
        }
    }

    /** Of two records of one execution, the one further along: final beats running, then more nodes done. */
    private static ExecutionRecord later(ExecutionRecord queued, ExecutionRecord added) {
        if (queued.status().isFinal() != added.status().isFinal()) {
            return queued.status().isFinal() ? queued : added;
        }
        return added.done() >= queued.done() ? added : queued;
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
