package io.gantry.rest.bundle.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.NodeRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An execution as the API shows it.
 *
 * @param id              its id
 * @param pipelineId      the pipeline it runs; null for an inline pipeline
 * @param pipelineVersion the version it runs
 * @param status          RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param startedAt       when it started
 * @param finishedAt      when it ended; null while running
 * @param durationMs      how long it ran; null while running
 * @param progress        nodes ended out of all nodes
 * @param nodes           every node's state, by node id
 * @param error           why it failed, when it did
 * @param startedBy       who started it ({@code alice}, or {@code alice/tok_…} for a token); absent
 *                        when not recorded
 * @param inputs          the pipeline's declared inputs as this run took them (defaults included);
 *                        absent when it declares none
 * @param outputs         its declared outputs from the nodes that succeeded; absent when it declares none
 * @param parentExecutionId the run whose {@code core.call} node started this one; absent for a direct run
 * @param parentNodeId    that node; absent for a direct run
 */
public record ExecutionJson(
        String id,
        String pipelineId,
        int pipelineVersion,
        String status,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        Progress progress,
        Map<String, Node> nodes,
        @JsonInclude(JsonInclude.Include.NON_NULL) Error error,
        @JsonInclude(JsonInclude.Include.NON_NULL) String startedBy,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> inputs,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> outputs,
        @JsonInclude(JsonInclude.Include.NON_NULL) String parentExecutionId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String parentNodeId) {

    /** @param record the execution @return its JSON */
    public static ExecutionJson of(ExecutionRecord record) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        if (record.nodes() != null) {
            record.nodes().forEach((nodeId, node) -> nodes.put(nodeId, Node.of(node)));
        }
        return new ExecutionJson(
                record.id(),
                record.pipelineId(),
                record.pipelineVersion(),
                record.status().name(),
                record.startedAt(),
                record.finishedAt(),
                record.durationMs(),
                new Progress(record.done(), record.total()),
                nodes,
                Error.of(record.error()),
                record.startedBy(),
                record.inputs(),
                record.outputs(),
                record.parentExecutionId(),
                record.parentNodeId());
    }

    /**
     * @param done  nodes that ended
     * @param total all nodes
     */
    public record Progress(int done, int total) {}

    /**
     * One node's state.
     *
     * @param status        PENDING, RUNNING, SUCCEEDED, FAILED, SKIPPED or CANCELLED
     * @param startedAt     when its first attempt started
     * @param durationMs    how long it ran
     * @param attempts      how many attempts were made
     * @param inputs        the values it was given
     * @param outputs       the values it produced
     * @param functionId    the function it ran
     * @param plugin        the plugin that provided the function
     * @param pluginVersion that plugin's version
     * @param error         why it failed, when it did
     * @param reason        why it was SKIPPED, e.g. {@code condition-false}; absent otherwise
     * @param branch        for a node with a {@code when}, once decided: the condition as written; absent otherwise
     * @param iterations    for a node with {@code repeat}, once started: the iterations started so far
     *                      ({@code attempts} then counts those of all iterations); absent otherwise
     */
    public record Node(
            String status,
            Instant startedAt,
            Long durationMs,
            int attempts,
            Map<String, Object> inputs,
            Map<String, Object> outputs,
            String functionId,
            String plugin,
            String pluginVersion,
            @JsonInclude(JsonInclude.Include.NON_NULL) Error error,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) String branch,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer iterations) {
        static Node of(NodeRecord node) {
            return new Node(
                    node.status().name(),
                    node.startedAt(),
                    node.durationMs(),
                    node.attempts(),
                    node.inputs() == null ? Map.of() : node.inputs(),
                    node.outputs() == null ? Map.of() : node.outputs(),
                    node.functionId(),
                    node.plugin(),
                    node.pluginVersion(),
                    Error.of(node.error()),
                    node.reason(),
                    node.branch(),
                    node.iterations() == 0 ? null : node.iterations());
        }
    }

    /**
     * An execution's or node's error.
     *
     * @param code     the problem code, e.g. {@code device-timeout}
     * @param message  what went wrong
     * @param nodeId   the node it happened in, when known
     * @param deviceId the device it happened on, when known
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String code, String message, String nodeId, String deviceId) {
        static Error of(ExecutionError error) {
            return error == null ? null : new Error(error.code(), error.message(), error.nodeId(), error.deviceId());
        }
    }

    /**
     * The body of {@code POST /pipelines/{id}/executions}.
     *
     * @param inputs values for input ports, keyed {@code nodeId.port}; empty when absent
     */
    public record Start(Map<String, Object> inputs) {}
}
