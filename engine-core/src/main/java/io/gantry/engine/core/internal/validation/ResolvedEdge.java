package io.gantry.engine.core.internal.validation;

/**
 * An edge whose two ends name known nodes.
 *
 * @param index    position in the pipeline's edge list
 * @param from     index of the producing node
 * @param fromPort output port name
 * @param to       index of the consuming node
 * @param toPort   input port name
 */
record ResolvedEdge(int index, int from, String fromPort, int to, String toPort) {}
