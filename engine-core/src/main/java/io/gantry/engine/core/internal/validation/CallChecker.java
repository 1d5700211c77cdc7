package io.gantry.engine.core.internal.validation;

import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineInput;
import io.gantry.engine.api.pipeline.PipelineOutput;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.api.pipeline.PortRef;
import io.gantry.engine.core.internal.plan.CallTarget;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a {@code core.call} node: it names a stored pipeline (and version), the call graph has no
 * cycle and is not too deep, and the called pipeline validates now. Its answer is the node's
 * function descriptor: the called pipeline's declared inputs as input ports and its declared
 * outputs, typed by the ports they come from, as output ports — so edges, constants, conditions and
 * loops on the node are checked like any other's.
 */
final class CallChecker {
    private final Function<CallTarget, Optional<PipelineVersion>> pipelines;

    /** @param pipelines a stored pipeline version by target (a null version: the latest) */
    CallChecker(Function<CallTarget, Optional<PipelineVersion>> pipelines) {
        this.pipelines = pipelines;
    }

    /**
     * The node and its descriptor as the plan should hold them: the version pinned to the one that
     * validated, so a save of the called pipeline during the run cannot change what this run calls.
     */
    record Checked(NodeDefinition node, FunctionDescriptor descriptor) {}

    /**
     * @param stack    the pipelines whose validation led here, outermost first
     * @param validate validates a called definition with a longer stack
     * @return the checked node, or empty after reporting why it cannot run
     */
    Optional<Checked> check(
            int i,
            NodeDefinition node,
            List<String> stack,
            BiFunction<PipelineDefinition, List<String>, ExecutionPlan> validate,
            List<Problem> problems) {
        String path = NodeTable.path(i) + ".params";
        Optional<CallTarget> target = CallTarget.of(node);
        if (target.isEmpty()) {
            problems.add(new Problem(
                    path + "." + CallTarget.PIPELINE_PARAM,
                    ProblemCodes.INVALID_CALL,
                    "core.call needs params.pipeline (a pipeline id) and may pin params.version (an integer from 1)"));
            return Optional.empty();
        }
        String callee = target.get().pipelineId();
        if (stack.contains(callee)) {
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(callee), stack.size()));
            cycle.add(callee);
            problems.add(new Problem(
                    path + "." + CallTarget.PIPELINE_PARAM,
                    ProblemCodes.CALL_CYCLE,
                    "call cycle: " + String.join(" -> ", cycle)));
            return Optional.empty();
        }
        if (stack.size() >= CallTarget.MAX_DEPTH) {
            problems.add(new Problem(
                    path + "." + CallTarget.PIPELINE_PARAM,
                    ProblemCodes.CALL_TOO_DEEP,
                    "calls nest deeper than " + CallTarget.MAX_DEPTH + " levels: " + String.join(" -> ", stack) + " -> "
                            + callee));
            return Optional.empty();
        }
        Optional<PipelineVersion> stored = pipelines.apply(target.get());
        if (stored.isEmpty()) {
            problems.add(notStored(path, target.get()));
            return Optional.empty();
        }
        List<String> deeper = new ArrayList<>(stack);
        deeper.add(callee);
        ExecutionPlan called;
        try {
            called = validate.apply(stored.get().definition(), deeper);
        } catch (PipelineValidationException e) {
            problems.add(calledInvalid(path, stored.get(), e.problems()));
            return Optional.empty();
        }
        for (PipelineInput input : called.inputs()) {
            if (input.name().equals(CallTarget.PIPELINE_PARAM) || input.name().equals(CallTarget.VERSION_PARAM)) {
                problems.add(new Problem(
                        path + "." + CallTarget.PIPELINE_PARAM,
                        ProblemCodes.INVALID_CALL,
                        "called pipeline " + stored.get().id() + " declares input '" + input.name()
                                + "', a name core.call keeps for its own params"));
                return Optional.empty();
            }
        }
        return Optional.of(new Checked(pinned(node, stored.get().version()), descriptor(stored.get(), called)));
    }

    /** Blames the version only when the pipeline itself is stored. */
    private Problem notStored(String path, CallTarget target) {
        Optional<PipelineVersion> latest = target.version() == null
                ? Optional.empty()
                : pipelines.apply(new CallTarget(target.pipelineId(), null));
        if (latest.isPresent()) {
            return new Problem(
                    path + "." + CallTarget.VERSION_PARAM,
                    ProblemCodes.UNKNOWN_PIPELINE,
                    "pipeline " + target.pipelineId() + " has no version " + target.version() + " (latest is "
                            + latest.get().version() + ")");
        }
        return new Problem(
                path + "." + CallTarget.PIPELINE_PARAM,
                ProblemCodes.UNKNOWN_PIPELINE,
                "pipeline '" + target.pipelineId() + "' is not stored");
    }

    /** A cycle or depth problem deeper down keeps its code, so the path is named where it was found. */
    private static Problem calledInvalid(String path, PipelineVersion stored, List<Problem> inner) {
        String code = inner.stream()
                .map(Problem::code)
                .filter(c -> c.equals(ProblemCodes.CALL_CYCLE) || c.equals(ProblemCodes.CALL_TOO_DEEP))
                .findFirst()
                .orElse(ProblemCodes.CALLED_PIPELINE_INVALID);
        String details = inner.stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; "));
        return new Problem(
                path + "." + CallTarget.PIPELINE_PARAM,
                code,
                "called pipeline " + stored.id() + " v" + stored.version() + " does not validate: " + details);
    }

    private static NodeDefinition pinned(NodeDefinition node, int version) {
        Map<String, Object> params = new LinkedHashMap<>(node.params());
        params.put(CallTarget.VERSION_PARAM, version);
        return new NodeDefinition(
                node.id(),
                node.function(),
                node.device(),
                params,
                node.retry(),
                node.timeoutMs(),
                node.when(),
                node.join(),
                node.repeat());
    }

    private static FunctionDescriptor descriptor(PipelineVersion stored, ExecutionPlan called) {
        List<PortDescriptor> inputs = new ArrayList<>();
        for (PipelineInput input : called.inputs()) {
            inputs.add(new PortDescriptor(input.name(), input.type(), input.required()));
        }
        List<PortDescriptor> outputs = new ArrayList<>();
        for (PipelineOutput output : called.outputs()) {
            PortRef from = PortRef.parse(output.from());
            called.node(from.nodeId())
                    .map(source -> source.function().output(from.port()))
                    .ifPresent(port -> outputs.add(PortDescriptor.output(output.name(), port.type())));
        }
        String name = "Call " + stored.id() + " v" + stored.version();
        return new FunctionDescriptor(
                CallTarget.FUNCTION_ID,
                name,
                null,
                inputs,
                outputs,
                CallTarget.PARAMS_SCHEMA,
                CallTarget.DEFAULT_TIMEOUT_MS);
    }
}
