package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.api.storage.PipelineRepository;
import io.gantry.engine.core.internal.plan.CallTarget;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.validation.LiveValidator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Sub-pipeline runs on the controller's own runtime, plans and stored pipelines. */
final class RuntimeSubPipelineRuns implements SubPipelineRuns {
    private final ExecutionRuntime runtime;
    private final LiveValidator validator;
    private final PipelineRepository pipelines;

    RuntimeSubPipelineRuns(ExecutionRuntime runtime, LiveValidator validator, PipelineRepository pipelines) {
        this.runtime = runtime;
        this.validator = validator;
        this.pipelines = pipelines;
    }

    @Override
    public Optional<PipelineVersion> find(CallTarget target) {
        return target.version() == null
                ? pipelines.latest(target.pipelineId())
                : pipelines.version(target.pipelineId(), target.version());
    }

    @Override
    public ExecutionPlan planOf(PipelineVersion stored) {
        return validator.planOf(stored);
    }

    @Override
    public Optional<ExecutionRef> running(String executionId) {
        return runtime.runningRef(executionId);
    }

    @Override
    public String start(
            ExecutionPlan plan, int version, Map<String, Object> inputs, String startedBy, ParentLink parent) {
        return runtime.start(plan, version, inputs, startedBy, parent).id();
    }

    @Override
    public CompletableFuture<ExecutionRecord> end(String executionId) {
        return runtime.storedEnd(executionId)
                .orElseGet(() -> CompletableFuture.completedFuture(runtime.live(executionId)
                        .or(() -> runtime.stored(executionId))
                        .orElseThrow(() -> new NotFoundException("execution '" + executionId + "' is gone"))));
    }

    @Override
    public void cancel(String executionId) {
        runtime.cancel(executionId);
    }
}
