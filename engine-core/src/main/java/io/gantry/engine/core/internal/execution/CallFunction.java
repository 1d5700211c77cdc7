package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.core.internal.plan.CallTarget;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The built-in {@code core.call}: runs another stored pipeline as one node. The node's inputs are the
 * called pipeline's declared inputs, its outputs the called run's declared outputs. The called run is
 * an execution of its own, linked to this node, started on behalf of whoever started this run; a
 * cancel or timeout of the node cancels it.
 */
final class CallFunction implements PipelineFunction {
    private final SubPipelineRuns runs;

    CallFunction(SubPipelineRuns runs) {
        this.runs = runs;
    }

    @Override
    public FunctionDescriptor descriptor() {
        return CallTarget.GENERIC;
    }

    @Override
    public CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
        try {
            String child = startChild(invocation);
            invocation.onCancel(() -> runs.cancel(child));
            return runs.end(child).thenApply(CallFunction::outputsOf);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private String startChild(Invocation invocation) {
        // the plan pinned the version that validated when this run started
        CallTarget target = CallTarget.of(invocation.params())
                .orElseThrow(() -> new IllegalStateException("core.call node without a validated target"));
        ExecutionRef parent = runs.running(invocation.executionId())
                .orElseThrow(() -> new IllegalStateException("calling run " + invocation.executionId() + " ended"));
        if (parent.depth() + 1 >= CallTarget.MAX_DEPTH) {
            throw new CallFailedException(
                    CallFailedException.CALL_TOO_DEEP,
                    "calling " + target + " would nest deeper than " + CallTarget.MAX_DEPTH + " levels");
        }
        PipelineVersion stored = runs.find(target)
                .orElseThrow(() -> new NotFoundException("called pipeline " + target + " is no longer stored"));
        return runs.start(
                runs.planOf(stored),
                stored.version(),
                invocation.inputs(),
                parent.startedBy(),
                new ParentLink(invocation.executionId(), invocation.nodeId(), parent.depth()));
    }

    private static Map<String, Object> outputsOf(ExecutionRecord ended) {
        if (ended.status() == ExecutionStatus.SUCCEEDED) {
            return ended.outputs();
        }
        String why = ended.error() == null ? "" : ": " + ended.error().message();
        throw new CallFailedException(
                CallFailedException.CALL_FAILED,
                "called pipeline " + ended.pipelineId() + " v" + ended.pipelineVersion() + " "
                        + ended.status().name().toLowerCase(java.util.Locale.ROOT) + " (execution " + ended.id() + ")"
                        + why);
    }
}
