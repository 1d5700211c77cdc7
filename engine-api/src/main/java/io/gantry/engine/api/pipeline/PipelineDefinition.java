package io.gantry.engine.api.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * A pipeline as an engineer writes it: a DAG of nodes and edges.
 *
 * @param id          the pipeline's id; null when the controller should assign one
 * @param name        human-readable name
 * @param description free text, may be null
 * @param nodes       the nodes, in the order written
 * @param edges       the edges, in the order written
 */
public record PipelineDefinition(
        String id, String name, String description, List<NodeDefinition> nodes, List<EdgeDefinition> edges) {
    /** Checks presence and copies the lists. */
    public PipelineDefinition {
        Objects.requireNonNull(name, "name");
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        edges = edges == null ? List.of() : List.copyOf(edges);
    }

    /**
     * @param newId the id to give
     * @return this definition with another id
     */
    public PipelineDefinition withId(String newId) {
        return new PipelineDefinition(newId, name, description, nodes, edges);
    }
}
