package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes each listener call as a short line, e.g. {@code completed a}, to check order. */
final class RecordingListener implements ExecutionListener {
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final ConcurrentMap<String, CompletableFuture<Void>> seen = new ConcurrentHashMap<>();

    /** @return completes once a line (without execution id) has been heard in any execution */
    CompletableFuture<Void> seen(String line) {
        return seen.computeIfAbsent(line, key -> new CompletableFuture<>());
    }

    List<String> of(String executionId) {
        return lines.stream()
                .filter(line -> line.startsWith(executionId + " "))
                .map(line -> line.substring(executionId.length() + 1))
                .toList();
    }

    private void add(ExecutionRef run, String line) {
        lines.add(run.executionId() + " " + line);
        seen(line).complete(null);
    }

    @Override
    public void pipelineStarted(ExecutionRef run, Instant startedAt, int nodeCount) {
        add(run, "started " + nodeCount);
    }

    @Override
    public void nodeExecuting(ExecutionRef run, PlanNode node, String plugin, String pluginVersion, Instant startedAt) {
        add(run, "executing " + node.id());
    }

    @Override
    public void nodeCompleted(
            ExecutionRef run, PlanNode node, Map<String, Object> outputs, long durationMs, int attempts) {
        add(run, "completed " + node.id());
    }

    @Override
    public void nodeIterated(
            ExecutionRef run, PlanNode node, int iteration, Map<String, Object> outputs, Boolean conditionValue) {
        add(run, "iteration " + node.id() + " " + iteration + (conditionValue == null ? "" : " " + conditionValue));
    }

    @Override
    public void nodeRetrying(ExecutionRef run, PlanNode node, int nextAttempt, long delayMs, ExecutionError reason) {
        add(run, "retrying " + node.id() + " " + nextAttempt + " " + reason.code());
    }

    @Override
    public void nodeFailed(
            ExecutionRef run, PlanNode node, NodeStatus status, ExecutionError error, long durationMs, int attempts) {
        add(run, "failed " + node.id() + " " + status + " " + error.code());
    }

    @Override
    public void nodeSkipped(ExecutionRef run, PlanNode node, NodeStatus status, String reason) {
        add(run, "skipped " + node.id() + " " + status + (reason == null ? "" : " " + reason));
    }

    @Override
    public void pipelineEnded(ExecutionRef run, ExecutionRecord finalRecord) {
        add(run, "ended " + finalRecord.status());
    }
}
