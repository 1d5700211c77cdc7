package io.gantry.engine.core.internal.execution;

/**
 * Which run an event belongs to.
 *
 * @param executionId     the execution's id
 * @param pipelineId      the pipeline's id, null for an inline pipeline
 * @param pipelineVersion the pipeline version that runs, 0 for an inline pipeline
 * @param startedBy       who started it ({@link io.gantry.engine.api.security.Identity#who()}); null
 *                        when not known
 */
public record ExecutionRef(String executionId, String pipelineId, int pipelineVersion, String startedBy) {}
