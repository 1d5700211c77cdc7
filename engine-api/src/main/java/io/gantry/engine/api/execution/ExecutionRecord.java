package io.gantry.engine.api.execution;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a pipeline, as stored and as {@code GET /api/executions/{id}} shows it.
 *
 * @param id              the execution's id
 * @param pipelineId      the pipeline run; null for an inline (unstored) pipeline
 * @param pipelineVersion its version; 0 for an inline pipeline
 * @param status          its state
 * @param startedAt       when it started
 * @param finishedAt      when it ended; null while running
 * @param durationMs      from start to end in ms; null while running
 * @param done            nodes that reached a final state
 * @param total           nodes in all
 * @param nodes           per node id, what happened to it (in pipeline order)
 * @param error           why it failed or was cancelled; null otherwise
 * @param startedBy       who started it ({@link io.gantry.engine.api.security.Identity#who()}); null
 *                        when that was not recorded (executions of before 1.1)
 * @param inputs          the values of the pipeline's declared inputs this run took (defaults
 *                        included), by name; empty when it declares none
 * @param outputs         the values of the pipeline's declared outputs, by name, once the run ended;
 *                        an output whose node did not succeed is absent
 * @param parentExecutionId the execution whose {@code core.call} node started this one; null for a
 *                        run started directly
 * @param parentNodeId    that node's id; null for a run started directly
 * @since 1.1 ({@code startedBy}, {@code inputs}, {@code outputs}, {@code parentExecutionId} and
 *     {@code parentNodeId})
 */
public record ExecutionRecord(
        String id,
        String pipelineId,
        int pipelineVersion,
        ExecutionStatus status,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        int done,
        int total,
        Map<String, NodeRecord> nodes,
        ExecutionError error,
        String startedBy,
        Map<String, Object> inputs,
        Map<String, Object> outputs,
        String parentExecutionId,
        String parentNodeId) {

    /** Copies the maps; JSON null values are kept. */
    public ExecutionRecord {
        inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        outputs = outputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** An execution whose starter is not known, as 1.0 made them. */
    public ExecutionRecord(
            String id,
            String pipelineId,
            int pipelineVersion,
            ExecutionStatus status,
            Instant startedAt,
            Instant finishedAt,
            Long durationMs,
            int done,
            int total,
            Map<String, NodeRecord> nodes,
            ExecutionError error) {
        this(
                id,
                pipelineId,
                pipelineVersion,
                status,
                startedAt,
                finishedAt,
                durationMs,
                done,
                total,
                nodes,
                error,
                null,
                null,
                null,
                null,
                null);
    }
}
