package io.gantry.engine.core.internal.plan;

import io.gantry.engine.api.pipeline.PipelineInput;
import io.gantry.engine.api.pipeline.PipelineOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A validated pipeline compiled for running: immutable, nodes in a topological order (ties broken by
 * definition order), links by index. One plan can run many times at once.
 */
public final class ExecutionPlan {
    private final String pipelineId;
    private final List<PlanNode> nodes;
    private final Map<String, PlanNode> byId;
    private final Set<String> functionIds;
    private final boolean sequenced;
    private final List<PipelineInput> inputs;
    private final List<PipelineOutput> outputs;
    private final boolean callsPipelines;

    /**
     * @param pipelineId the pipeline's id, or null for an inline (unsaved) pipeline
     * @param nodes      nodes whose {@link PlanNode#index()} equals their position
     */
    public ExecutionPlan(String pipelineId, List<PlanNode> nodes) {
        this(pipelineId, nodes, List.of(), List.of());
    }

    /**
     * @param pipelineId the pipeline's id, or null for an inline (unsaved) pipeline
     * @param nodes      nodes whose {@link PlanNode#index()} equals their position
     * @param inputs     the pipeline's declared inputs, validated (their targets exist and are free)
     * @param outputs    its declared outputs, validated (their sources exist)
     */
    public ExecutionPlan(
            String pipelineId, List<PlanNode> nodes, List<PipelineInput> inputs, List<PipelineOutput> outputs) {
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.pipelineId = pipelineId;
        this.nodes = List.copyOf(nodes);
        Map<String, PlanNode> index = new HashMap<>();
        for (int i = 0; i < this.nodes.size(); i++) {
            PlanNode node = this.nodes.get(i);
            if (node.index() != i) {
                throw new IllegalArgumentException(
                        "node '" + node.id() + "' has index " + node.index() + ", expected " + i);
            }
            index.put(node.id(), node);
        }
        this.byId = Map.copyOf(index);
        this.functionIds = this.nodes.stream().map(PlanNode::functionId).collect(Collectors.toUnmodifiableSet());
        this.sequenced =
                this.nodes.stream().anyMatch(node -> node.when() != null || node.joinsAny() || node.hasFailurePath());
        this.callsPipelines = functionIds.contains(CallTarget.FUNCTION_ID);
    }

    /** @return the declared inputs, in the order written */
    public List<PipelineInput> inputs() {
        return inputs;
    }

    /** @return the declared outputs, in the order written */
    public List<PipelineOutput> outputs() {
        return outputs;
    }

    /**
     * @return true when a node calls another stored pipeline: the plan then depends on pipelines saved
     *     after it, not only on plugins
     */
    public boolean callsPipelines() {
        return callsPipelines;
    }

    /**
     * @return true when some node has a condition, joins alternative branches or has a failure path:
     *     only then can a node be skipped while the run goes on
     */
    public boolean sequenced() {
        return sequenced;
    }

    /** @return the pipeline id, or null for an inline pipeline */
    public String pipelineId() {
        return pipelineId;
    }

    /** @return the nodes in topological order */
    public List<PlanNode> nodes() {
        return nodes;
    }

    public int nodeCount() {
        return nodes.size();
    }

    public Optional<PlanNode> node(String nodeId) {
        return Optional.ofNullable(byId.get(nodeId));
    }

    /** @return the ids of every function the plan calls, to drop cached plans when one changes */
    public Set<String> functionIds() {
        return functionIds;
    }
}
