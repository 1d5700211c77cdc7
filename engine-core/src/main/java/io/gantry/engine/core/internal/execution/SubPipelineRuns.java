package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.core.internal.plan.CallTarget;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What {@link CallFunction} needs of the controller: the stored pipelines, their plans and the engine. */
interface SubPipelineRuns {
    /** @return the stored version the target names, empty when not stored */
    Optional<PipelineVersion> find(CallTarget target);

    /** @throws io.gantry.engine.api.error.PipelineValidationException when it does not validate now */
    ExecutionPlan planOf(PipelineVersion stored);

    /** @return the run of that id while it goes, to learn its depth and starter */
    Optional<ExecutionRef> running(String executionId);

    /** Starts a sub-pipeline run and returns its id once its first record is stored. */
    String start(ExecutionPlan plan, int version, Map<String, Object> inputs, String startedBy, ParentLink parent);

    /** @return completes with the run's final record once stored */
    CompletableFuture<ExecutionRecord> end(String executionId);

    void cancel(String executionId);
}
