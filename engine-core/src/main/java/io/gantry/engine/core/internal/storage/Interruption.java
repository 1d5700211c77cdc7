package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.execution.NodeRecord;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.api.execution.SkipReasons;
import io.gantry.engine.api.storage.ExecutionRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ends a run that a controller restart cut off: the run FAILED, its running nodes FAILED with the
 * same error, its pending nodes SKIPPED, so that an HMI shows nothing as still going.
 */
final class Interruption {
    private Interruption() {}

    /**
     * @param run    a RUNNING execution as stored
     * @param reason the message an operator reads
     * @param now    when it is ended
     * @return the ended execution
     */
    static ExecutionRecord end(ExecutionRecord run, String reason, Instant now) {
        ExecutionError error = new ExecutionError(ExecutionRepository.CONTROLLER_RESTARTED, reason, null, null);
        Map<String, NodeRecord> nodes = new LinkedHashMap<>();
        int done = 0;
        Map<String, NodeRecord> before = run.nodes() == null ? Map.of() : run.nodes();
        for (Map.Entry<String, NodeRecord> entry : before.entrySet()) {
            NodeRecord node = end(entry.getKey(), entry.getValue(), error, now);
            nodes.put(entry.getKey(), node);
            done += node.status().isFinal() ? 1 : 0;
        }
        return new ExecutionRecord(
                run.id(),
                run.pipelineId(),
                run.pipelineVersion(),
                ExecutionStatus.FAILED,
                run.startedAt(),
                now,
                millisBetween(run.startedAt(), now),
                done,
                run.total(),
                nodes,
                error,
                run.startedBy(),
                run.inputs(),
                run.outputs(),
                run.parentExecutionId(),
                run.parentNodeId());
    }

    private static NodeRecord end(String nodeId, NodeRecord node, ExecutionError error, Instant now) {
        NodeStatus status = switch (node.status()) {
            case RUNNING -> NodeStatus.FAILED;
            case PENDING -> NodeStatus.SKIPPED;
            default -> node.status();
        };
        if (status == node.status()) {
            return node;
        }
        boolean failed = status == NodeStatus.FAILED;
        return new NodeRecord(
                status,
                node.functionId(),
                node.plugin(),
                node.pluginVersion(),
                node.startedAt(),
                failed ? millisBetween(node.startedAt(), now) : null,
                node.attempts(),
                node.inputs(),
                node.outputs(),
                failed ? new ExecutionError(error.code(), error.message(), nodeId, null) : null,
                failed ? null : SkipReasons.RUN_FAILED,
                node.branch(),
                node.iterations());
    }

    private static Long millisBetween(Instant from, Instant to) {
        return from == null ? null : Math.max(0, Duration.between(from, to).toMillis());
    }
}
