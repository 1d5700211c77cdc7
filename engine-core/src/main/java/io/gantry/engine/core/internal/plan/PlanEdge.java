package io.gantry.engine.core.internal.plan;

/**
 * One compiled dependency of a plan node, by index so the scheduler never looks nodes up by name:
 * data from an output port into an input port, order after a node's success or failure, or the
 * boolean a node's {@code when} condition reads.
 *
 * @param fromNode   index of the node depended on in {@link ExecutionPlan#nodes()}
 * @param fromPort   output port name on it; null for an order edge
 * @param toNode     index of the dependent node
 * @param toPort     input port name on the dependent node; null unless {@link Kind#DATA}
 * @param toSlot     position of this edge among the dependent node's incoming edges, where its value is kept
 * @param kind       what the dependency is
 */
public record PlanEdge(int fromNode, String fromPort, int toNode, String toPort, int toSlot, Kind kind) {

    /** What an incoming dependency waits for and carries. */
    public enum Kind {
        /** An output value into an input port, once the source succeeded. */
        DATA,
        /** The boolean of a {@code when} condition, once the source succeeded. */
        WHEN,
        /** Nothing but order: the source succeeded. */
        AFTER_SUCCESS,
        /** A failure path: the source failed. */
        AFTER_FAILURE
    }

    /** A data edge. */
    public PlanEdge(int fromNode, String fromPort, int toNode, String toPort, int toSlot) {
        this(fromNode, fromPort, toNode, toPort, toSlot, Kind.DATA);
    }

    /** @return true when the source's output value is kept for the dependent node */
    public boolean carriesValue() {
        return kind == Kind.DATA || kind == Kind.WHEN;
    }
}
