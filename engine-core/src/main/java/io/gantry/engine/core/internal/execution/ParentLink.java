package io.gantry.engine.core.internal.execution;

/**
 * The {@code core.call} node a sub-pipeline run belongs to.
 *
 * @param executionId the calling run
 * @param nodeId      the calling node
 * @param depth       the calling run's depth (0 for a direct run)
 */
public record ParentLink(String executionId, String nodeId, int depth) {}
