package io.gantry.engine.api.service;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** Runs pipelines: the use cases behind {@code /api/executions}. */
@ProviderType
public interface ExecutionService {
    /**
     * Starts a stored pipeline.
     *
     * @param pipelineId the pipeline's id
     * @param version    the version to run; null for the latest
     * @param inputs     values for input ports, keyed {@code nodeId.port}; may be empty
     * @return the execution, RUNNING
     * @throws io.gantry.engine.api.error.NotFoundException when the pipeline or version does not exist
     * @throws io.gantry.engine.api.error.PipelineValidationException when it does not validate now
     */
    default ExecutionRecord start(String pipelineId, Integer version, Map<String, Object> inputs) {
        return start(pipelineId, version, inputs, null);
    }

    /**
     * Starts a stored pipeline on someone's behalf.
     *
     * @param pipelineId the pipeline's id
     * @param version    the version to run; null for the latest
     * @param inputs     values for input ports, keyed {@code nodeId.port}; may be empty
     * @param startedBy  who starts it, as the record's {@code startedBy} names it; null for unknown
     * @return the execution, RUNNING
     * @throws io.gantry.engine.api.error.NotFoundException when the pipeline or version does not exist
     * @throws io.gantry.engine.api.error.PipelineValidationException when it does not validate now
     * @since 1.2
     */
    ExecutionRecord start(String pipelineId, Integer version, Map<String, Object> inputs, String startedBy);

    /**
     * Starts a pipeline that is not stored.
     *
     * @param definition the pipeline
     * @param inputs     values for input ports, keyed {@code nodeId.port}
     * @return the execution, RUNNING
     */
    default ExecutionRecord startInline(PipelineDefinition definition, Map<String, Object> inputs) {
        return startInline(definition, inputs, null);
    }

    /**
     * Starts a pipeline that is not stored, on someone's behalf.
     *
     * @param definition the pipeline
     * @param inputs     values for input ports, keyed {@code nodeId.port}
     * @param startedBy  who starts it; null for unknown
     * @return the execution, RUNNING
     * @since 1.2
     */
    ExecutionRecord startInline(PipelineDefinition definition, Map<String, Object> inputs, String startedBy);

    /**
     * @param executionId an execution id
     * @return the execution as it is now
     * @throws io.gantry.engine.api.error.NotFoundException when there is none
     */
    ExecutionRecord get(String executionId);

    /**
     * Waits for an execution to end.
     *
     * @param executionId an execution id
     * @param timeout     how long to wait at most
     * @return the execution, ended or (after the timeout) still running
     */
    ExecutionRecord await(String executionId, Duration timeout);

    /**
     * @param query filters
     * @return matching executions, newest first
     */
    List<ExecutionRecord> list(ExecutionQuery query);

    /**
     * Cancels a running execution: running nodes are stopped, nodes not started become CANCELLED.
     *
     * @param executionId an execution id
     * @return the execution
     * @throws io.gantry.engine.api.error.ConflictException when it already ended
     */
    ExecutionRecord cancel(String executionId);
}
