package io.gantry.engine.api.execution;

import java.time.Instant;
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
        String startedBy) {

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
                null);
    }
}
