package io.gantry.engine.core.internal.runtime;

import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.core.internal.execution.ExecutionEngine;
import io.gantry.engine.core.internal.execution.ExecutionListener;
import io.gantry.engine.core.internal.execution.ExecutionRef;
import io.gantry.engine.core.internal.execution.PlanNode;
import java.util.Map;
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
    // final records between the run's end and their commit: a reader must never see the stale RUNNING row
    private final Map<String, ExecutionRecord> endedNotStored = new ConcurrentHashMap<>();

    JournalingListener(ExecutionJournal journal, Supplier<ExecutionEngine> engine) {
        this.journal = journal;
        this.engine = engine;
    }

    /**
     * @param executionId a run that is going or just ended
     * @return completes with the final record once it is on disk; empty when no such run is tracked
     */
    java.util.Optional<CompletableFuture<ExecutionRecord>> storedEnd(String executionId) {
        return java.util.Optional.ofNullable(storedEnds.get(executionId));
    }

    /**
     * @param executionId a run
     * @return its final record while it is ended but not yet stored
     */
    java.util.Optional<ExecutionRecord> endedNotStored(String executionId) {
        return java.util.Optional.ofNullable(endedNotStored.get(executionId));
    }

    /** Registers a run about to start, so its end can be awaited. */
    void track(String executionId) {
        storedEnds.put(executionId, new CompletableFuture<>());
    }

    /** Drops a run that did not start after all. */
    void forget(String executionId) {
        storedEnds.remove(executionId);
    }

    @Override
    public void nodeCompleted(ExecutionRef run, PlanNode node, Map<String, Object> outputs, long durationMs, int attempts) {
        progressed(run);
    }

    @Override
    public void nodeFailed(ExecutionRef run, PlanNode node, NodeStatus status, ExecutionError error, long durationMs,
            int attempts) {
        progressed(run);
    }

    @Override
    public void pipelineEnded(ExecutionRef run, ExecutionRecord finalRecord) {
        CompletableFuture<ExecutionRecord> end = storedEnds.get(run.executionId());
        endedNotStored.put(run.executionId(), finalRecord);
        journal.write(finalRecord).whenComplete((ignored, failure) -> {
            endedNotStored.remove(run.executionId());
            storedEnds.remove(run.executionId());
            if (end != null) {
                // a failed write still ends the wait: the record is then only in memory, and logged
                end.complete(finalRecord);
            }
        });
    }

    private void progressed(ExecutionRef run) {
        engine.get().running(run.executionId()).ifPresent(handle -> journal.write(handle.snapshot()));
    }
}
