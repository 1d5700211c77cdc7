package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps the stored record of each run up to date as its nodes end, so that a crash mid-run leaves a
 * record that says how far it got; the final record's commit is what {@code ?wait=true} waits for.
 */
final class JournalingListener implements ExecutionListener {
    private final ExecutionJournal journal;
    private final Supplier<ExecutionEngine> engine;
    private final Map<String, CompletableFuture<ExecutionRecord>> storedEnds = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<ExecutionRecord>> storedStarts = new ConcurrentHashMap<>();
    // final records between the run's end and their commit: a reader must never see the stale RUNNING row
    private final Map<String, ExecutionRecord> endedNotStored = new ConcurrentHashMap<>();
    private final RecentEnds recentEnds = new RecentEnds(256);

    JournalingListener(ExecutionJournal journal, Supplier<ExecutionEngine> engine) {
        this.journal = journal;
        this.engine = engine;
    }

    /**
     * @param executionId a run that is going or just ended
     * @return completes with the final record once it is on disk (already complete for a run whose end
     *     was stored a moment ago); empty when no such run is tracked
     */
    Optional<CompletableFuture<ExecutionRecord>> storedEnd(String executionId) {
        CompletableFuture<ExecutionRecord> end = storedEnds.get(executionId);
        if (end != null) {
            return Optional.of(end);
        }
        return recentEnds.find(executionId).map(CompletableFuture::completedFuture);
    }

    /**
     * @param executionId a run
     * @return its final record while it is ended but not yet stored
     */
    Optional<ExecutionRecord> endedNotStored(String executionId) {
        return Optional.ofNullable(endedNotStored.get(executionId));
    }

    /** Registers a run about to start, so its first record and its end can be awaited. */
    void track(String executionId) {
        storedStarts.put(executionId, new CompletableFuture<>());
        storedEnds.put(executionId, new CompletableFuture<>());
    }

    /** Drops a run that did not start after all. */
    void forget(String executionId) {
        storedStarts.remove(executionId);
        storedEnds.remove(executionId);
    }

    /**
     * @param executionId a run registered with {@link #track}; asked once, by whoever started it
     * @return completes with the run's first record once it is on disk
     */
    CompletableFuture<ExecutionRecord> storedStart(String executionId) {
        CompletableFuture<ExecutionRecord> stored = storedStarts.remove(executionId);
        return stored != null
                ? stored
                : CompletableFuture.failedFuture(
                        new IllegalStateException("execution '" + executionId + "' is not tracked"));
    }

    /**
     * Writes the run's first record. This, not the starter, writes it: listener calls come in the
     * run's order, so it is queued before any later record of the run and can never land after (and
     * over) the final one, as a snapshot written by the starting thread could under load.
     */
    @Override
    public void pipelineStarted(ExecutionRef run, Instant startedAt, int nodeCount) {
        CompletableFuture<ExecutionRecord> stored = storedStarts.get(run.executionId());
        engine.get()
                .running(run.executionId())
                .ifPresentOrElse(
                        handle -> {
                            ExecutionRecord first = handle.snapshot();
                            journal.write(first).whenComplete((ignored, failure) -> complete(stored, first, failure));
                        },
                        () -> complete(stored, null, null));
    }

    private static void complete(CompletableFuture<ExecutionRecord> stored, ExecutionRecord first, Throwable failure) {
        if (stored == null) {
            return;
        }
        if (failure != null) {
            stored.completeExceptionally(failure);
        } else {
            stored.complete(first);
        }
    }

    @Override
    public void nodeCompleted(
            ExecutionRef run, PlanNode node, Map<String, Object> outputs, long durationMs, int attempts) {
        progressed(run);
    }

    @Override
    public void nodeFailed(
            ExecutionRef run, PlanNode node, NodeStatus status, ExecutionError error, long durationMs, int attempts) {
        progressed(run);
    }

    @Override
    public void pipelineEnded(ExecutionRef run, ExecutionRecord finalRecord) {
        CompletableFuture<ExecutionRecord> end = storedEnds.get(run.executionId());
        endedNotStored.put(run.executionId(), finalRecord);
        journal.write(finalRecord).whenComplete((ignored, failure) -> {
            // kept before it is forgotten below, so a look in between finds one or the other
            recentEnds.stored(finalRecord);
            endedNotStored.remove(run.executionId());
            storedEnds.remove(run.executionId());
            if (end != null) {
                // a failed write still ends the wait: the record is then only in memory, and logged
                end.complete(finalRecord);
            }
        });
    }

    /**
     * Marks the run for the next commit; its record is taken then, once, however many nodes ended
     * meanwhile (a short run's ten nodes cost one snapshot, not ten).
     */
    private void progressed(ExecutionRef run) {
        engine.get()
                .running(run.executionId())
                .ifPresent(handle -> journal.progressed(run.executionId(), handle::snapshot));
    }
}
