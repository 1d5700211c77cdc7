package io.gantry.engine.core.internal.plan;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.RetrySpec;
import java.util.List;
import java.util.Map;

/**
 * A validated node with everything resolved that the scheduler needs: its function descriptor, its
 * constant inputs and its links to other nodes by index.
 *
 * @param index       position in the plan's topological order
 * @param definition  the node as written in the pipeline
 * @param function    the descriptor the node was validated against
 * @param constants   input-port values given in params (ports without an edge only)
 * @param incoming    edges feeding this node, {@link PlanEdge#toSlot()} equal to their position
 * @param outgoing    edges leaving this node
 */
public record PlanNode(
        int index,
        NodeDefinition definition,
        FunctionDescriptor function,
        Map<String, Object> constants,
        List<PlanEdge> incoming,
        List<PlanEdge> outgoing) {

    public PlanNode {
        constants = Map.copyOf(constants);
        incoming = List.copyOf(incoming);
        outgoing = List.copyOf(outgoing);
    }

    public String id() {
        return definition.id();
    }

    public String functionId() {
        return function.id();
    }

    /** @return the device id, or null for a pure function */
    public String deviceId() {
        return definition.device();
    }

    /** @return the node's own retry spec, or null to use the engine default */
    public RetrySpec retry() {
        return definition.retry();
    }

    /** @return the node's own timeout in ms, or null to fall back to the function's then the engine's */
    public Long timeoutMs() {
        return definition.timeoutMs();
    }

    /** @return true when the port is fed by an edge */
    public boolean hasEdgeInto(String port) {
        for (PlanEdge edge : incoming) {
            if (edge.toPort().equals(port)) {
                return true;
            }
        }
        return false;
    }
}
