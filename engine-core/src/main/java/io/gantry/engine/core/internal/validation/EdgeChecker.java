package io.gantry.engine.core.internal.validation;

import static io.gantry.engine.core.internal.validation.NodeTable.path;

import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.pipeline.EdgeDefinition;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PortRef;
import io.gantry.engine.core.internal.plan.PlanEdge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks edges against the nodes: well-formed references, known nodes and ports, matching types, at
 * most one source per input port (unless the node joins any of its branches), every required input
 * fed, and order edges between two node ids with a valid {@code on}.
 */
final class EdgeChecker {

    private EdgeChecker() {}

    /**
     * @return the edges whose two ends name known nodes (ports may still be wrong); an end that equals
     *     a node id names the node (an order edge), any other end is {@code node.port}
     */
    static List<ResolvedEdge> check(
            List<EdgeDefinition> edges, NodeTable table, Map<String, String> fedByInputs, List<Problem> problems) {
        List<ResolvedEdge> resolved = new ArrayList<>(edges.size());
        // "node.port" of each fed input port -> index of the first edge feeding it
        Map<String, Integer> fedInputs = new HashMap<>();
        for (int j = 0; j < edges.size(); j++) {
            String path = "edges[" + j + "]";
            EdgeDefinition definition = edges.get(j);
            Integer fromNode = table.indexOf(definition.from());
            Integer toNode = table.indexOf(definition.to());
            if (fromNode != null && toNode != null) {
                order(j, definition, fromNode, toNode, path, problems).ifPresent(resolved::add);
                continue;
            }
            if (fromNode != null || toNode != null) {
                mixed(definition, fromNode != null, path, table, problems);
                continue;
            }
            if (definition.on() != null) {
                problems.add(new Problem(
                        path + ".on",
                        ProblemCodes.INVALID_EDGE_ON,
                        "'on' applies only to order edges (between two node ids), not to data edges"));
            }
            Integer from = checkEnd(definition.from(), path + ".from", table, problems);
            Integer to = checkEnd(definition.to(), path + ".to", table, problems);
            if (from == null || to == null) {
                continue;
            }
            ResolvedEdge edge = new ResolvedEdge(
                    j,
                    from,
                    PortRef.parse(definition.from()).port(),
                    to,
                    PortRef.parse(definition.to()).port(),
                    PlanEdge.Kind.DATA);
            resolved.add(edge);
            checkPorts(edge, path, table, problems);
            Integer earlier = fedInputs.putIfAbsent(table.nodes().get(to).id() + "." + edge.toPort(), j);
            // alternative branches may feed the same port of a node joining any of them
            if (earlier != null && !table.nodes().get(to).joinsAny()) {
                problems.add(new Problem(
                        path + ".to",
                        ProblemCodes.DUPLICATE_INPUT,
                        "input '" + definition.to() + "' is already fed by edges[" + earlier + "]"));
            }
        }
        checkInputs(table, fedInputs, fedByInputs, problems);
        return resolved;
    }

    private static Optional<ResolvedEdge> order(
            int j, EdgeDefinition definition, int from, int to, String path, List<Problem> problems) {
        String on = definition.on();
        if (on != null && !EdgeDefinition.ON_SUCCESS.equals(on) && !EdgeDefinition.ON_FAILURE.equals(on)) {
            problems.add(new Problem(
                    path + ".on",
                    ProblemCodes.INVALID_EDGE_ON,
                    "'on' must be 'success' or 'failure', got '" + on + "'"));
            return Optional.empty();
        }
        PlanEdge.Kind kind = definition.onFailure() ? PlanEdge.Kind.AFTER_FAILURE : PlanEdge.Kind.AFTER_SUCCESS;
        return Optional.of(new ResolvedEdge(j, from, null, to, null, kind));
    }

    /** One end is a node id, the other is not: name what the other end is. */
    private static void mixed(
            EdgeDefinition definition, boolean fromIsNode, String path, NodeTable table, List<Problem> problems) {
        String node = fromIsNode ? definition.from() : definition.to();
        String other = fromIsNode ? definition.to() : definition.from();
        String otherPath = path + (fromIsNode ? ".to" : ".from");
        Integer named = checkEnd(other, otherPath, table, problems);
        if (named != null) {
            problems.add(new Problem(
                    otherPath,
                    ProblemCodes.MIXED_EDGE,
                    "edge joins node '" + node + "' to port '" + other
                            + "': an order edge joins two node ids, a data edge two ports"));
        }
    }

    /** @return the node index the reference names, or null after reporting why it names none */
    private static Integer checkEnd(String ref, String path, NodeTable table, List<Problem> problems) {
        if (ref.indexOf('.') < 0) {
            problems.add(
                    new Problem(path, ProblemCodes.UNKNOWN_NODE, "unknown node '" + ref + "' (nor is it 'node.port')"));
            return null;
        }
        PortRef port;
        try {
            port = PortRef.parse(ref);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(path, ProblemCodes.MALFORMED_EDGE, e.getMessage()));
            return null;
        }
        Integer node = table.indexOf(port.nodeId());
        if (node == null) {
            problems.add(new Problem(
                    path, ProblemCodes.UNKNOWN_PORT, "unknown node '" + port.nodeId() + "' in '" + ref + "'"));
        }
        return node;
    }

    private static void checkPorts(ResolvedEdge edge, String path, NodeTable table, List<Problem> problems) {
        FunctionDescriptor source = table.functions()[edge.from()];
        FunctionDescriptor target = table.functions()[edge.to()];
        PortDescriptor out = source == null ? null : source.output(edge.fromPort());
        PortDescriptor in = target == null ? null : target.input(edge.toPort());
        if (source != null && out == null) {
            problems.add(new Problem(
                    path + ".from",
                    ProblemCodes.UNKNOWN_PORT,
                    "function '" + source.id() + "' has no output '" + edge.fromPort() + "'"));
        }
        if (target != null && in == null) {
            problems.add(new Problem(
                    path + ".to",
                    ProblemCodes.UNKNOWN_PORT,
                    "function '" + target.id() + "' has no input '" + edge.toPort() + "'"));
        }
        if (out != null && in != null && !out.type().canFeed(in.type())) {
            problems.add(new Problem(
                    path + ".to",
                    ProblemCodes.TYPE_MISMATCH,
                    "output '" + edge.fromPort() + "' of type " + out.type().id() + " cannot feed input '"
                            + edge.toPort() + "' of type " + in.type().id()));
        }
    }

    /**
     * Each input port takes one of an edge, a constant or a declared pipeline input; required ones need
     * one of them.
     */
    private static void checkInputs(
            NodeTable table, Map<String, Integer> fedInputs, Map<String, String> fedByInputs, List<Problem> problems) {
        for (int i = 0; i < table.nodes().size(); i++) {
            FunctionDescriptor function = table.functions()[i];
            if (function == null) {
                continue;
            }
            NodeDefinition node = table.nodes().get(i);
            for (PortDescriptor port : function.inputs()) {
                Integer edge = fedInputs.get(node.id() + "." + port.name());
                boolean constant = node.params().containsKey(port.name());
                String declared = fedByInputs.get(node.id() + "." + port.name());
                String path = path(i) + ".params." + port.name();
                if (declared != null && (edge != null || constant)) {
                    problems.add(new Problem(
                            declared,
                            ProblemCodes.DUPLICATE_INPUT,
                            "input '" + node.id() + "." + port.name() + "' is also fed by "
                                    + (edge != null ? "edges[" + edge + "]" : "a constant in " + path)));
                } else if (edge != null && constant) {
                    problems.add(new Problem(
                            path,
                            ProblemCodes.DUPLICATE_INPUT,
                            "input '" + port.name() + "' has both a constant and edges[" + edge + "]"));
                } else if (edge == null && !constant && declared == null && port.required()) {
                    problems.add(new Problem(
                            path,
                            ProblemCodes.MISSING_INPUT,
                            "required input '" + port.name() + "' of function '" + function.id()
                                    + "' has no edge or constant"));
                }
            }
        }
    }
}
