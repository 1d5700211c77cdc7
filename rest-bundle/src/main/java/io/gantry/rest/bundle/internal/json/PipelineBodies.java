package io.gantry.rest.bundle.internal.json;

import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.RetrySpec;
import io.gantry.rest.bundle.internal.problem.FieldProblems;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts a pipeline request body into a {@link PipelineDefinition}. Missing required fields
 * are all reported at once, with their paths, before any service is called; what a pipeline
 * means (functions, ports, cycles) is the pipeline service's to judge.
 */
public final class PipelineBodies {
    private PipelineBodies() {}

    /**
     * @param body the parsed body; null when the request had none
     * @return the definition
     * @throws io.gantry.engine.api.error.PipelineValidationException naming every missing field
     */
    public static PipelineDefinition toDefinition(PipelineJson body) {
        FieldProblems.requireBody(body, "a pipeline body is required");
        FieldProblems problems = new FieldProblems().requireText(body.name(), "name");
        List<NodeDefinition> nodes = new ArrayList<>();
        List<PipelineJson.Node> nodeBodies = body.nodes() == null ? List.of() : body.nodes();
        for (int i = 0; i < nodeBodies.size(); i++) {
            NodeDefinition node = node(problems, nodeBodies.get(i), "nodes[" + i + "]");
            if (node != null) {
                nodes.add(node);
            }
        }
        List<PipelineJson.Edge> edgeBodies = body.edges() == null ? List.of() : body.edges();
        for (int i = 0; i < edgeBodies.size(); i++) {
            PipelineJson.Edge edge = edgeBodies.get(i);
            if (edge == null) {
                problems.add("edges[" + i + "]", "required", "an edge must be an object");
            } else {
                problems.requireText(edge.from(), "edges[" + i + "].from")
                        .requireText(edge.to(), "edges[" + i + "].to");
            }
        }
        problems.throwIfAny();
        return new PipelineDefinition(
                body.id(),
                body.name(),
                body.description(),
                nodes,
                edgeBodies.stream().map(PipelineJson.Edge::toDefinition).toList());
    }

    private static NodeDefinition node(FieldProblems problems, PipelineJson.Node node, String path) {
        if (node == null) {
            problems.add(path, "required", "a node must be an object");
            return null;
        }
        int before = problems.count();
        problems.requireText(node.id(), path + ".id").requireText(node.function(), path + ".function");
        RetrySpec retry = retry(problems, node.retry(), path + ".retry");
        if (problems.count() > before) {
            return null;
        }
        return new NodeDefinition(
                node.id(),
                node.function(),
                node.device(),
                node.params(),
                retry,
                node.timeoutMs(),
                node.when(),
                node.join(),
                node.repeat() == null ? null : node.repeat().toSpec());
    }

    private static RetrySpec retry(FieldProblems problems, PipelineJson.Retry retry, String path) {
        if (retry == null) {
            return null;
        }
        if (retry.maxAttempts() == null) {
            problems.add(path + ".maxAttempts", "required", "maxAttempts is required");
            return null;
        }
        try {
            return retry.toSpec();
        } catch (IllegalArgumentException e) {
            problems.add(path, "invalid", e.getMessage());
            return null;
        }
    }
}
