package io.gantry.engine.core.internal.execution;

import java.util.Map;

/**
 * Which run an event belongs to.
 *
 * @param executionId       the execution's id
 * @param pipelineId        the pipeline's id, null for an inline pipeline
 * @param pipelineVersion   the pipeline version that runs, 0 for an inline pipeline
 * @param startedBy         who started it ({@link io.gantry.engine.api.security.Identity#who()}); null
 *                          when not known
 * @param inputs            the declared inputs it took, by name (defaults included)
 * @param parentExecutionId the run whose {@code core.call} node started it; null for a direct run
 * @param parentNodeId      that node; null for a direct run
 * @param depth             0 for a direct run, then 1 more per {@code core.call}
 */
public record ExecutionRef(
        String executionId,
        String pipelineId,
        int pipelineVersion,
        String startedBy,
        Map<String, Object> inputs,
        String parentExecutionId,
        String parentNodeId,
        int depth) {

    public ExecutionRef {
        inputs = inputs == null ? Map.of() : inputs;
    }

    /** A direct run without declared inputs. */
    public ExecutionRef(String executionId, String pipelineId, int pipelineVersion, String startedBy) {
        this(executionId, pipelineId, pipelineVersion, startedBy, Map.of(), null, null, 0);
    }
}
