package io.gantry.engine.core.internal.validation;

import io.gantry.engine.core.internal.plan.PlanEdge;

/**
 * A dependency whose two ends name known nodes: an edge of the pipeline, or the implicit one from a
 * node's {@code when} source to the node.
 *
 * @param index    position in the pipeline's edge list; for a {@code when} dependency, the edge count
 *                 plus the node's position (unique, never a real edge's)
 * @param from     index of the node depended on
 * @param fromPort output port name; null for an order edge
 * @param to       index of the dependent node
 * @param toPort   input port name; null unless a data edge
 * @param kind     what the dependency is
 */
record ResolvedEdge(int index, int from, String fromPort, int to, String toPort, PlanEdge.Kind kind) {}
