package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.storage.ExecutionRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes execution records as runs progress, with group commit: one writer thread takes everything
 * written since its last commit and stores it in one transaction — one disk sync for a whole batch —
 * and completes the futures of all who waited on that batch. Several writes of one execution between
 * two commits collapse into the latest, so a busy run costs a few row updates, not one per node.
 */
final class ExecutionJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionJournal.class);

    private final ExecutionRepository repository;
    private final Thread writer;
    private Map<String, ExecutionRecord> pending = new LinkedHashMap<>();
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

    /** @return records queued and not yet committed */
    synchronized int backlog() {
        return pending.size();
    }

    private void writeLoop() {
        while (true) {
            Map<String, ExecutionRecord> batch;
            CompletableFuture<Void> commit;
            synchronized (this) {
                while (pending.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (pending.isEmpty()) {
                    return; // closed and drained
                }
                batch = pending;
                commit = nextCommit;
                pending = new LinkedHashMap<>();
                nextCommit = new CompletableFuture<>();
            }
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
