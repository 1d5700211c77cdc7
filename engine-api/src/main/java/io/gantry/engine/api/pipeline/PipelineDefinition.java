package io.gantry.engine.api.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pipeline as an engineer writes it: a DAG of nodes and edges, with the inputs it takes and the
 * outputs it gives.
 *
 * @param id          the pipeline's id; null when the controller should assign one
 * @param name        human-readable name
 * @param description free text, may be null
 * @param nodes       the nodes, in the order written
 * @param edges       the edges, in the order written
 * @param inputs      the typed inputs a run gives by name (empty: none)
 * @param outputs     the results a run gives by name (empty: none)
 * @param layout      where the editor drew each node, by node id (empty: lay out afresh)
 * @since 1.1 ({@code inputs}, {@code outputs} and {@code layout})
 */
public record PipelineDefinition(
        String id,
        String name,
        String description,
        List<NodeDefinition> nodes,
        List<EdgeDefinition> edges,
        List<PipelineInput> inputs,
        List<PipelineOutput> outputs,
        Map<String, NodePosition> layout) {
    /** Checks presence and copies the lists. */
    public PipelineDefinition {
        Objects.requireNonNull(name, "name");
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        edges = edges == null ? List.of() : List.copyOf(edges);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        layout = layout == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(layout));
    }

    /**
     * A pipeline without declared inputs, outputs or layout, as 1.0 made them.
     *
     * @param id          the pipeline's id; null when the controller should assign one
     * @param name        human-readable name
     * @param description free text, may be null
     * @param nodes       the nodes
     * @param edges       the edges
     */
    public PipelineDefinition(
            String id, String name, String description, List<NodeDefinition> nodes, List<EdgeDefinition> edges) {
        this(id, name, description, nodes, edges, null, null, null);
    }

    /**
     * @param newId the id to give
     * @return this definition with another id
     */
    public PipelineDefinition withId(String newId) {
        return new PipelineDefinition(newId, name, description, nodes, edges, inputs, outputs, layout);
    }

    /**
     * @param declared the inputs
     * @param results  the results
     * @return this definition with those inputs and outputs
     * @since 1.1
     */
    public PipelineDefinition withInterface(List<PipelineInput> declared, List<PipelineOutput> results) {
        return new PipelineDefinition(id, name, description, nodes, edges, declared, results, layout);
    }
}
