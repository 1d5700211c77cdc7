package io.gantry.rest.bundle.internal.json;

import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.NodePosition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineInput;
import io.gantry.engine.api.pipeline.PipelineOutput;
import io.gantry.engine.api.pipeline.RetrySpec;
import io.gantry.rest.bundle.internal.problem.FieldProblems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        List<PipelineInput> inputs = inputs(problems, body.inputs());
        List<PipelineOutput> outputs = outputs(problems, body.outputs());
        Map<String, NodePosition> layout = layout(problems, body.layout());
        problems.throwIfAny();
        return new PipelineDefinition(
                body.id(),
                body.name(),
                body.description(),
                nodes,
                edgeBodies.stream().map(PipelineJson.Edge::toDefinition).toList(),
                inputs,
                outputs,
                layout);
    }

    private static List<PipelineInput> inputs(FieldProblems problems, List<PipelineJson.Input> bodies) {
        List<PipelineInput> inputs = new ArrayList<>();
        for (int k = 0; bodies != null && k < bodies.size(); k++) {
            PipelineJson.Input input = bodies.get(k);
            String path = "inputs[" + k + "]";
            if (input == null) {
                problems.add(path, "required", "an input must be an object");
                continue;
            }
            int before = problems.count();
            problems.requireText(input.name(), path + ".name").requireText(input.type(), path + ".type");
            List<String> to = input.to() == null ? List.of() : input.to();
            for (int m = 0; m < to.size(); m++) {
                problems.requireText(to.get(m), path + ".to[" + m + "]");
            }
            PortType type = input.type() == null ? null : portType(problems, input.type(), path + ".type");
            if (problems.count() == before) {
                inputs.add(new PipelineInput(input.name(), type, input.defaultValue(), to, input.description()));
            }
        }
        return inputs;
    }

    private static PortType portType(FieldProblems problems, String id, String path) {
        try {
            return PortType.fromId(id);
        } catch (IllegalArgumentException e) {
            problems.add(
                    path, "invalid", "type must be one of number, integer, boolean, string, json; got '" + id + "'");
            return null;
        }
    }

    private static List<PipelineOutput> outputs(FieldProblems problems, List<PipelineJson.Output> bodies) {
        List<PipelineOutput> outputs = new ArrayList<>();
        for (int k = 0; bodies != null && k < bodies.size(); k++) {
            PipelineJson.Output output = bodies.get(k);
            String path = "outputs[" + k + "]";
            if (output == null) {
                problems.add(path, "required", "an output must be an object");
                continue;
            }
            int before = problems.count();
            problems.requireText(output.name(), path + ".name").requireText(output.from(), path + ".from");
            if (problems.count() == before) {
                outputs.add(output.toDefinition());
            }
        }
        return outputs;
    }

    private static Map<String, NodePosition> layout(FieldProblems problems, Map<String, PipelineJson.Position> body) {
        Map<String, NodePosition> layout = new LinkedHashMap<>();
        if (body == null) {
            return layout;
        }
        body.forEach((nodeId, at) -> {
            String path = "layout." + nodeId;
            if (at == null
                    || at.x() == null
                    || at.y() == null
                    || !Double.isFinite(at.x())
                    || !Double.isFinite(at.y())) {
                problems.add(path, "invalid", "a position is {\"x\": number, \"y\": number}");
            } else {
                layout.put(nodeId, new NodePosition(at.x(), at.y()));
            }
        });
        return layout;
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
