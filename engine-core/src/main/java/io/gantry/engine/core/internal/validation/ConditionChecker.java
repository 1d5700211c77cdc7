package io.gantry.engine.core.internal.validation;

import static io.gantry.engine.core.internal.validation.NodeTable.path;

import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PortRef;
import io.gantry.engine.core.internal.plan.PlanEdge;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks each node's {@code when} (a boolean output of a known node, optionally negated with
 * {@code !}) and {@code join} (all or any), and turns each condition into a dependency of its node
 * on the condition's source, so the node waits for it and a cycle through it is found.
 */
final class ConditionChecker {

    private ConditionChecker() {}

    /**
     * @param edgeCount the number of edges of the pipeline, so condition dependencies get indexes of their own
     * @return one {@link PlanEdge.Kind#WHEN} dependency per node whose condition names a known node
     */
    static List<ResolvedEdge> check(NodeTable table, int edgeCount, List<Problem> problems) {
        List<ResolvedEdge> conditions = new ArrayList<>();
        for (int i = 0; i < table.nodes().size(); i++) {
            NodeDefinition node = table.nodes().get(i);
            checkJoin(i, node, problems);
            if (node.when() != null) {
                ResolvedEdge condition = checkWhen(i, node.when(), table, edgeCount + i, problems);
                if (condition != null) {
                    conditions.add(condition);
                }
            }
        }
        return conditions;
    }

    private static void checkJoin(int i, NodeDefinition node, List<Problem> problems) {
        String join = node.join();
        if (join != null && !NodeDefinition.JOIN_ALL.equals(join) && !NodeDefinition.JOIN_ANY.equals(join)) {
            problems.add(new Problem(
                    path(i) + ".join", ProblemCodes.INVALID_JOIN, "'join' must be 'all' or 'any', got '" + join + "'"));
        }
    }

    private static ResolvedEdge checkWhen(int i, String when, NodeTable table, int index, List<Problem> problems) {
        String path = path(i) + ".when";
        PortRef ref;
        try {
            ref = PortRef.parse(when.startsWith("!") ? when.substring(1) : when);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(
                    path,
                    ProblemCodes.INVALID_WHEN,
                    "'when' must be 'node.port' or '!node.port' naming a boolean output, got '" + when + "'"));
            return null;
        }
        Integer source = table.indexOf(ref.nodeId());
        if (source == null) {
            problems.add(new Problem(
                    path, ProblemCodes.UNKNOWN_NODE, "unknown node '" + ref.nodeId() + "' in 'when': '" + when + "'"));
            return null;
        }
        FunctionDescriptor function = table.functions()[source];
        PortDescriptor out = function == null ? null : function.output(ref.port());
        if (function != null && out == null) {
            problems.add(new Problem(
                    path,
                    ProblemCodes.UNKNOWN_PORT,
                    "function '" + function.id() + "' of node '" + ref.nodeId() + "' has no output '" + ref.port()
                            + "'"));
        } else if (out != null && out.type() != PortType.BOOLEAN) {
            problems.add(new Problem(
                    path,
                    ProblemCodes.CONDITION_NOT_BOOLEAN,
                    "'when' needs a boolean output; '" + ref + "' is of type "
                            + out.type().id()));
        }
        return new ResolvedEdge(index, source, ref.port(), i, null, PlanEdge.Kind.WHEN);
    }
}
