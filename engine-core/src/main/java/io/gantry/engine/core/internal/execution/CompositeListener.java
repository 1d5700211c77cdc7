package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hands every engine callback to several listeners, in order. */
final class CompositeListener implements ExecutionListener {
    private final List<ExecutionListener> listeners;

    CompositeListener(ExecutionListener... listeners) {
        this.listeners = List.of(listeners);
    }

    @Override
    public void pipelineStarted(ExecutionRef run, Instant startedAt, int nodeCount) {
        listeners.forEach(l -> l.pipelineStarted(run, startedAt, nodeCount));
    }

    @Override
    public void nodeExecuting(ExecutionRef run, PlanNode node, String plugin, String pluginVersion, Instant startedAt) {
        listeners.forEach(l -> l.nodeExecuting(run, node, plugin, pluginVersion, startedAt));
    }

    @Override
    public void nodeCompleted(
            ExecutionRef run, PlanNode node, Map<String, Object> outputs, long durationMs, int attempts) {
        listeners.forEach(l -> l.nodeCompleted(run, node, outputs, durationMs, attempts));
    }

    @Override
    public void nodeIterated(
            ExecutionRef run, PlanNode node, int iteration, Map<String, Object> outputs, Boolean conditionValue) {
        listeners.forEach(l -> l.nodeIterated(run, node, iteration, outputs, conditionValue));
    }

    @Override
    public void nodeRetrying(ExecutionRef run, PlanNode node, int nextAttempt, long delayMs, ExecutionError reason) {
        listeners.forEach(l -> l.nodeRetrying(run, node, nextAttempt, delayMs, reason));
    }

    @Override
    public void nodeFailed(
            ExecutionRef run, PlanNode node, NodeStatus status, ExecutionError error, long durationMs, int attempts) {
        listeners.forEach(l -> l.nodeFailed(run, node, status, error, durationMs, attempts));
    }

    @Override
    public void nodeSkipped(ExecutionRef run, PlanNode node, NodeStatus status, String reason) {
        listeners.forEach(l -> l.nodeSkipped(run, node, status, reason));
    }

    @Override
    public void pipelineEnded(ExecutionRef run, ExecutionRecord finalRecord) {
        listeners.forEach(l -> l.pipelineEnded(run, finalRecord));
    }
}
