package io.gantry.engine.core.internal.validation;

import static io.gantry.engine.core.internal.validation.NodeTable.path;

import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.pipeline.EdgeDefinition;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PortRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks edges against the nodes: well-formed references, known nodes and ports, matching types, at
 * most one source per input port, and every required input fed.
 */
final class EdgeChecker {

    private EdgeChecker() {}

    /** @return the edges whose two ends name known nodes (ports may still be wrong) */
    static List<ResolvedEdge> check(List<EdgeDefinition> edges, NodeTable table, List<Problem> problems) {
        List<ResolvedEdge> resolved = new ArrayList<>(edges.size());
        // "node.port" of each fed input port -> index of the first edge feeding it
        Map<String, Integer> fedInputs = new HashMap<>();
        for (int j = 0; j < edges.size(); j++) {
            String path = "edges[" + j + "]";
            Integer from = checkEnd(edges.get(j).from(), path + ".from", table, problems);
            Integer to = checkEnd(edges.get(j).to(), path + ".to", table, problems);
            if (from == null || to == null) {
                continue;
            }
            ResolvedEdge edge = new ResolvedEdge(
                    j,
                    from,
                    PortRef.parse(edges.get(j).from()).port(),
                    to,
                    PortRef.parse(edges.get(j).to()).port());
            resolved.add(edge);
            checkPorts(edge, path, table, problems);
            Integer earlier = fedInputs.putIfAbsent(table.nodes().get(to).id() + "." + edge.toPort(), j);
            if (earlier != null) {
                problems.add(new Problem(
                        path + ".to",
                        ProblemCodes.DUPLICATE_INPUT,
                        "input '" + edges.get(j).to() + "' is already fed by edges[" + earlier + "]"));
            }
        }
        checkInputs(table, fedInputs, problems);
        return resolved;
    }

    /** @return the node index the reference names, or null after reporting why it names none */
    private static Integer checkEnd(String ref, String path, NodeTable table, List<Problem> problems) {
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

    /** Each input port takes an edge or a constant, not both; required ones need one of them. */
    private static void checkInputs(NodeTable table, Map<String, Integer> fedInputs, List<Problem> problems) {
        for (int i = 0; i < table.nodes().size(); i++) {
            FunctionDescriptor function = table.functions()[i];
            if (function == null) {
                continue;
            }
            NodeDefinition node = table.nodes().get(i);
            for (PortDescriptor port : function.inputs()) {
                Integer edge = fedInputs.get(node.id() + "." + port.name());
                boolean constant = node.params().containsKey(port.name());
                String path = path(i) + ".params." + port.name();
                if (edge != null && constant) {
                    problems.add(new Problem(
                            path,
                            ProblemCodes.DUPLICATE_INPUT,
                            "input '" + port.name() + "' has both a constant and edges[" + edge + "]"));
                } else if (edge == null && !constant && port.required()) {
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
