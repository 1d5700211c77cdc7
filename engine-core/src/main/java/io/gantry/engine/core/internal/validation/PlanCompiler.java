package io.gantry.engine.core.internal.validation;

import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.plan.PlanEdge;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a pipeline that passed every check into an {@link ExecutionPlan}. */
final class PlanCompiler {

    private PlanCompiler() {}

    static ExecutionPlan compile(
            PipelineDefinition definition, NodeTable table, List<ResolvedEdge> edges, List<Integer> order) {
        int count = order.size();
        int[] planIndex = new int[count];
        for (int position = 0; position < count; position++) {
            planIndex[order.get(position)] = position;
        }
        List<List<PlanEdge>> incoming = emptyLists(count);
        List<List<PlanEdge>> outgoing = emptyLists(count);
        for (ResolvedEdge edge : edges) {
            int to = planIndex[edge.to()];
            PlanEdge planEdge = new PlanEdge(
                    planIndex[edge.from()],
                    edge.fromPort(),
                    to,
                    edge.toPort(),
                    incoming.get(to).size(),
                    edge.kind());
            incoming.get(to).add(planEdge);
            outgoing.get(planEdge.fromNode()).add(planEdge);
        }
        List<PlanNode> nodes = new ArrayList<>(count);
        for (int position = 0; position < count; position++) {
            int original = order.get(position);
            NodeDefinition node = table.nodes().get(original);
            nodes.add(new PlanNode(
                    position,
                    node,
                    table.functions()[original],
                    constants(node, table.functions()[original].inputs()),
                    incoming.get(position),
                    outgoing.get(position)));
        }
        return new ExecutionPlan(definition.id(), nodes, definition.inputs(), definition.outputs());
    }

    private static Map<String, Object> constants(NodeDefinition node, List<PortDescriptor> inputs) {
        Map<String, Object> constants = new HashMap<>();
        for (PortDescriptor port : inputs) {
            Object value = node.params().get(port.name());
            if (value != null) {
                constants.put(port.name(), value);
            }
        }
        return constants;
    }

    private static List<List<PlanEdge>> emptyLists(int count) {
        List<List<PlanEdge>> lists = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lists.add(new ArrayList<>(2));
        }
        return lists;
    }
}
