package io.gantry.engine.core.internal.plan;

/**
 * One compiled edge: an output port of one plan node feeding an input port of another, by index so
 * the scheduler never looks nodes up by name.
 *
 * @param fromNode   index of the producing node in {@link ExecutionPlan#nodes()}
 * @param fromPort   output port name on the producer
 * @param toNode     index of the consuming node
 * @param toPort     input port name on the consumer
 * @param toSlot     position of this edge among the consumer's incoming edges, where its value is kept
 */
public record PlanEdge(int fromNode, String fromPort, int toNode, String toPort, int toSlot) {}
