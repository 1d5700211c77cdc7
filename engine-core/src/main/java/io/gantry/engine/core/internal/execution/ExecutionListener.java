package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.time.Instant;
import java.util.Map;

/**
 * Hears what happens in executions, to post EventAdmin events. For one execution the calls never
 * overlap and come in causal order: {@code pipelineStarted} first, a node's end before any successor
 * starts, {@code pipelineEnded} last. Calls run on engine threads: return quickly, never block.
 * Exceptions thrown here are logged and ignored.
 */
public interface ExecutionListener {
    /** Listens to nothing. */
    ExecutionListener NONE = new ExecutionListener() {};

    default void pipelineStarted(ExecutionRef run, Instant startedAt, int nodeCount) {}

    /** The node's first attempt is about to be called. */
    default void nodeExecuting(
            ExecutionRef run, PlanNode node, String plugin, String pluginVersion, Instant startedAt) {}

    default void nodeCompleted(
            ExecutionRef run, PlanNode node, Map<String, Object> outputs, long durationMs, int attempts) {}

    /**
     * An iteration of a node with {@code repeat} ended with outputs; the node then runs again or ends.
     *
     * @param iteration      the iteration that ended, from 1
     * @param outputs        its outputs
     * @param conditionValue for an {@code until} loop, the value of the {@code until} output; else null
     */
    default void nodeIterated(
            ExecutionRef run, PlanNode node, int iteration, Map<String, Object> outputs, Boolean conditionValue) {}

    /**
     * An attempt failed and another follows.
     *
     * @param nextAttempt the attempt that will run, 2 for the first retry
     * @param delayMs     the wait before it, jitter included
     * @param reason      why the previous attempt failed
     */
    default void nodeRetrying(ExecutionRef run, PlanNode node, int nextAttempt, long delayMs, ExecutionError reason) {}

    /**
     * The node ended without outputs after it started.
     *
     * @param status {@link NodeStatus#FAILED}, or {@link NodeStatus#CANCELLED} when the run stopped it
     */
    default void nodeFailed(
            ExecutionRef run, PlanNode node, NodeStatus status, ExecutionError error, long durationMs, int attempts) {}

    /**
     * The node never started.
     *
     * @param status {@link NodeStatus#SKIPPED}, or {@link NodeStatus#CANCELLED} after a cancel
     * @param reason for SKIPPED, one of {@link io.gantry.engine.api.execution.SkipReasons}; null after a cancel
     */
    default void nodeSkipped(ExecutionRef run, PlanNode node, NodeStatus status, String reason) {}

    /** The last call for the run; the record holds the final status, timings and error. */
    default void pipelineEnded(ExecutionRef run, ExecutionRecord finalRecord) {}
}
