package io.gantry.engine.api.storage;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.service.ExecutionQuery;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores execution records, written as a run progresses so that a crash loses at most the step in
 * flight. A write returns only once it is durable. Implementations are safe to call from many
 * threads; {@link #update(ExecutionRecord)} is meant to be called at every node transition and is
 * kept cheap (one row rewritten).
 */
@ProviderType
public interface ExecutionRepository {
    /** The {@link io.gantry.engine.api.execution.ExecutionError#code()} of runs cut by a restart. */
    String CONTROLLER_RESTARTED = "controller-restarted";

    /**
     * Stores a new execution (normally RUNNING).
     *
     * @param record the execution
     * @throws io.gantry.engine.api.error.ConflictException when an execution with its id exists
     * @throws StorageException when the store fails; nothing is stored
     */
    void insert(ExecutionRecord record);

    /**
     * Replaces a stored execution with its new state.
     *
     * @param record the execution, with the id it was inserted under
     * @throws io.gantry.engine.api.error.NotFoundException when no execution has its id
     * @throws StorageException when the store fails; nothing is stored
     */
    void update(ExecutionRecord record);

    /**
     * Inserts or updates many records in one transaction: one durable commit for all of them, so
     * that a busy controller pays one disk sync per batch instead of one per record.
     *
     * <p>A stored record whose status is final is never replaced: a run that has ended stays as it
     * ended, whatever stale snapshot of it arrives later.
     *
     * @param records records to write; an unknown id is inserted, a known one still RUNNING replaced
     * @since 1.0
     */
    default void saveAll(Collection<ExecutionRecord> records) {
        for (ExecutionRecord record : records) {
            Optional<ExecutionRecord> stored = find(record.id());
            if (stored.isEmpty()) {
                insert(record);
            } else if (!stored.get().status().isFinal()) {
                update(record);
            }
        }
    }

    /**
     * @param id an execution id
     * @return the execution; empty when there is none (or it was pruned)
     * @throws StorageException when the store fails
     */
    Optional<ExecutionRecord> find(String id);

    /**
     * @param query filters and the maximum count ({@code limit} at least 1)
     * @return matching executions, newest start first
     * @throws IllegalArgumentException when the limit is below 1
     * @throws StorageException when the store fails
     */
    List<ExecutionRecord> list(ExecutionQuery query);

    /**
     * Ends every RUNNING execution as FAILED with error code {@link #CONTROLLER_RESTARTED}: called
     * when the store is opened, when no run of the previous process can still be going. Nodes that
     * were RUNNING become FAILED with the same error, nodes still PENDING become SKIPPED.
     *
     * @param reason the error message an operator reads
     * @return how many executions were ended
     * @throws StorageException when the store fails; nothing is changed
     */
    int markInterrupted(String reason);

    /**
     * Deletes old finished executions; RUNNING ones are never deleted.
     *
     * @param keepNewest keep at least the newest this many executions (by start); 0 disables the count rule
     * @param maxAge     delete executions that finished longer ago than this; null or zero disables the age rule
     * @return how many executions were deleted
     * @throws StorageException when the store fails; nothing is deleted
     */
    int prune(int keepNewest, Duration maxAge);
}
