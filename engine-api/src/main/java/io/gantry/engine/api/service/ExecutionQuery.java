package io.gantry.engine.api.service;

import io.gantry.engine.api.execution.ExecutionStatus;

/**
 * Filters for listing executions, newest first.
 *
 * @param pipelineId        only this pipeline's; null for all
 * @param status            only in this state; null for all
 * @param limit             at most this many, at least 1
 * @param parentExecutionId only the sub-pipeline runs this execution's {@code core.call} nodes started;
 *                          null for all
 * @since 1.2 ({@code parentExecutionId})
 */
public record ExecutionQuery(String pipelineId, ExecutionStatus status, int limit, String parentExecutionId) {
    /**
     * @param pipelineId only this pipeline's; null for all
     * @param status     only in this state; null for all
     * @param limit      at most this many, at least 1
     */
    public ExecutionQuery(String pipelineId, ExecutionStatus status, int limit) {
        this(pipelineId, status, limit, null);
    }
}
