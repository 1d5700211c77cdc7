package io.gantry.engine.core.internal.validation;

import io.gantry.engine.api.error.CircularDependencyException;
import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.core.internal.plan.CallTarget;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.schema.ParamsSchemaChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Validates a pipeline definition against the functions and devices known now and compiles it into
 * an {@link ExecutionPlan}. Reports every problem at once so a user can fix them in one go.
 */
public final class PipelineValidator {
    private final NodeChecker nodeChecker;
    private final CallChecker callChecker;

    /**
     * @param functions          function id to its descriptor, empty when no live plugin offers it
     * @param deviceTypeOfDevice device id to its device type id, empty when no such device exists
     * @param schemaChecker      checks a node's params against its function's JSON Schema
     */
    public PipelineValidator(
            Function<String, Optional<FunctionDescriptor>> functions,
            Function<String, Optional<String>> deviceTypeOfDevice,
            ParamsSchemaChecker schemaChecker) {
        this(functions, deviceTypeOfDevice, schemaChecker, target -> Optional.empty());
    }

    /**
     * @param functions          function id to its descriptor, empty when no live plugin offers it
     * @param deviceTypeOfDevice device id to its device type id, empty when no such device exists
     * @param schemaChecker      checks a node's params against its function's JSON Schema
     * @param pipelines          the stored pipeline version a {@code core.call} names (a null version:
     *                           the latest), empty when not stored
     */
    public PipelineValidator(
            Function<String, Optional<FunctionDescriptor>> functions,
            Function<String, Optional<String>> deviceTypeOfDevice,
            ParamsSchemaChecker schemaChecker,
            Function<CallTarget, Optional<PipelineVersion>> pipelines) {
        this.callChecker = new CallChecker(Objects.requireNonNull(pipelines, "pipelines"));
        this.nodeChecker = new NodeChecker(
                Objects.requireNonNull(functions, "functions"),
                Objects.requireNonNull(deviceTypeOfDevice, "deviceTypeOfDevice"),
                Objects.requireNonNull(schemaChecker, "schemaChecker"));
    }

    /**
     * @param definition the pipeline to check
     * @return the compiled plan
     * @throws CircularDependencyException when the graph has a cycle (with every other problem too)
     * @throws PipelineValidationException when anything else is wrong, listing every problem
     */
    public ExecutionPlan validate(PipelineDefinition definition) {
        return validate(definition, definition.id() == null ? List.of() : List.of(definition.id()));
    }

    /** @param stack the pipelines whose {@code core.call} nodes led here, outermost first */
    private ExecutionPlan validate(PipelineDefinition definition, List<String> stack) {
        List<Problem> problems = new ArrayList<>();
        NodeTable table = nodeChecker.check(
                definition.nodes(),
                (i, node, found) -> callChecker.check(i, node, stack, this::validate, found),
                problems);
        Map<String, String> fedByInputs = InterfaceChecker.checkInputs(definition.inputs(), table, problems);
        InterfaceChecker.checkOutputs(definition.outputs(), table, problems);
        InterfaceChecker.checkLayout(definition.layout().keySet(), table, problems);
        List<ResolvedEdge> edges = new ArrayList<>(EdgeChecker.check(definition.edges(), table, fedByInputs, problems));
        edges.addAll(ConditionChecker.check(table, definition.edges().size(), problems));
        DependencyGraph graph = new DependencyGraph(definition.nodes().size(), edges);
        List<List<String>> cycles = new ArrayList<>();
        for (List<Integer> cycle : graph.cycles()) {
            List<String> ids =
                    cycle.stream().map(i -> table.nodes().get(i).id()).collect(Collectors.toList());
            cycles.add(ids);
            problems.add(new Problem(
                    NodeTable.path(cycle.get(0)), ProblemCodes.CYCLE, "cycle: " + String.join(" -> ", ids)));
        }
        if (!cycles.isEmpty()) {
            throw new CircularDependencyException(cycles.get(0), problems);
        }
        List<Integer> order = graph.topologicalOrder();
        ExclusiveBranchChecker.check(table, edges, order, problems);
        if (!problems.isEmpty()) {
            throw new PipelineValidationException(problems);
        }
        return PlanCompiler.compile(definition, table, edges, order);
    }
}
