package io.gantry.engine.core.internal.security;

import io.gantry.engine.api.security.AuditEntry;
import io.gantry.engine.api.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit entries with group commit: callers queue their entry, one writer thread takes
 * everything queued and appends it in one transaction — one disk sync for the whole batch — then
 * completes each caller's future with its entry as recorded. While a commit is on its way to disk
 * the next batch gathers, so sixteen callers at once cost two commits, not sixteen.
 */
final class AuditWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
    /** At most this many entries in one transaction, so one commit stays short. */
    static final int MAX_BATCH = 500;

    private record Pending(AuditEntry entry, CompletableFuture<AuditEntry> recorded) {}

    // queued last by close: the writer stops when it reaches it, after writing what came before
    private static final Pending CLOSE = new Pending(null, null);

    private final UnaryOperator<List<AuditEntry>> append;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    // guarded by this: nothing is queued after CLOSE
    private boolean closed;

    /**
     * @param append writes a batch in one transaction and returns it as recorded, in the same order
     */
    AuditWriter(UnaryOperator<List<AuditEntry>> append) {
        this.append = append;
        this.writer = new Thread(this::writeLoop, "gantry-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Queues an entry for the next commit.
     *
     * @param entry the entry, its time set
     * @return completes with the entry as recorded once it is on disk; exceptionally when the write
     *     failed or the writer is closed
     */
    synchronized CompletableFuture<AuditEntry> submit(AuditEntry entry) {
        if (closed) {
            return CompletableFuture.failedFuture(new StorageException("the audit trail is closed"));
        }
        Pending pending = new Pending(entry, new CompletableFuture<>());
        queue.add(pending);
        return pending.recorded();
    }

    /** @return entries queued and not yet taken for a commit */
    int backlog() {
        return queue.size();
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // only close stops the writer; an interrupt from elsewhere would strand the callers
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean last = batch.get(batch.size() - 1) == CLOSE;
            if (last) {
                batch.remove(batch.size() - 1);
            }
            if (!batch.isEmpty()) {
                write(batch);
            }
            batch.clear();
            if (last) {
                return;
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            List<AuditEntry> recorded =
                    append.apply(batch.stream().map(Pending::entry).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).recorded().complete(recorded.get(i));
            }
        } catch (RuntimeException e) {
            LOG.error("recording {} audit entries failed", batch.size(), e);
            batch.forEach(pending -> pending.recorded().completeExceptionally(e));
        }
    }

    /** Writes what is queued, then stops the writer; waits for it at most five seconds. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(CLOSE);
        }
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
