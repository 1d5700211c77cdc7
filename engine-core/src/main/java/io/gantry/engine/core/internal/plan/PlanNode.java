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
 * @param incoming    dependencies of this node (data, order and condition), {@link PlanEdge#toSlot()}
 *                    equal to their position
 * @param outgoing    dependencies on this node
 */
public record PlanNode(
        int index,
        NodeDefinition definition,
        FunctionDescriptor function,
        Map<String, Object> constants,
        List<PlanEdge> incoming,
        List<PlanEdge> outgoing) {

    /** Incoming dependencies are counted in 16 bits of the scheduler's per-node state. */
    public static final int MAX_INCOMING = 0xFFFF;

    public PlanNode {
        if (incoming.size() > MAX_INCOMING) {
            throw new IllegalArgumentException("node '" + definition.id() + "' has " + incoming.size()
                    + " incoming edges, at most " + MAX_INCOMING);
        }
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

    /** @return the {@code when} condition as written ({@code x.ok} or {@code !x.ok}), or null */
    public String when() {
        return definition.when();
    }

    /** @return true when the node runs only if its condition's value is false ({@code !x.ok}) */
    public boolean whenNegated() {
        String when = definition.when();
        return when != null && when.startsWith("!");
    }

    /** @return the slot of the {@link PlanEdge.Kind#WHEN} edge among {@link #incoming()}, or -1 */
    public int whenSlot() {
        if (definition.when() != null) {
            for (PlanEdge edge : incoming) {
                if (edge.kind() == PlanEdge.Kind.WHEN) {
                    return edge.toSlot();
                }
            }
        }
        return -1;
    }

    /** @return true for {@code "join": "any"}: one completed branch suffices once all are settled */
    public boolean joinsAny() {
        return definition.joinsAny();
    }

    /** @return true when an order edge with {@code "on": "failure"} leaves this node */
    public boolean hasFailurePath() {
        for (PlanEdge edge : outgoing) {
            if (edge.kind() == PlanEdge.Kind.AFTER_FAILURE) {
                return true;
            }
        }
        return false;
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
