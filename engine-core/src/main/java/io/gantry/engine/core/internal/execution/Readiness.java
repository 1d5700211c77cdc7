package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.api.execution.SkipReasons;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.plan.PlanEdge;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What each node of one run still waits for. Every incoming edge of a node (data, order, condition)
 * settles once, when its source ends: satisfied (the source succeeded, or failed for a failure path;
 * a data or condition edge keeps the value) or dead. The call that settles a node's last edge learns
 * so and asks {@link #skipReason} whether the node runs. Thread-safe: a node's edges settle from
 * whichever threads end their sources.
 */
final class Readiness {
    /** Added to a node's state: one more satisfied edge, one fewer unsettled. */
    private static final int SATISFIED = (1 << 16) - 1;
    /** The bits of a node's state that count its unsettled edges. */
    private static final int UNSETTLED = PlanNode.MAX_INCOMING;

    /**
     * Per node: unsettled edges in the low 16 bits, satisfied ones above, so that one atomic add both
     * counts down and tells a node joining any branch whether one of them completed.
     */
    private final AtomicIntegerArray states;
    /** Per node, why its first dead edge is dead; null for a plan where nothing can be skipped. */
    private final AtomicReferenceArray<String> deadReasons;
    /** Per node, the value each incoming edge carried, by {@link PlanEdge#toSlot()}. */
    private final Object[][] values;

    Readiness(ExecutionPlan plan) {
        int count = plan.nodeCount();
        this.states = new AtomicIntegerArray(count);
        this.deadReasons = plan.sequenced() ? new AtomicReferenceArray<>(count) : null;
        this.values = new Object[count][];
        for (PlanNode node : plan.nodes()) {
            states.set(node.index(), node.incoming().size());
            values[node.index()] = new Object[node.incoming().size()];
        }
    }

    /**
     * Settles one edge whose source ended.
     *
     * @param status  how the source ended: SUCCEEDED, FAILED (with a failure path) or SKIPPED
     * @param outputs the source's outputs; empty unless it succeeded
     * @return the target's state now; see {@link #isSettled}
     */
    int settle(PlanEdge edge, NodeStatus status, Map<String, Object> outputs) {
        int to = edge.toNode();
        String dead = deadReason(edge, status);
        if (dead != null) {
            deadReasons.compareAndSet(to, null, dead);
            return states.decrementAndGet(to);
        }
        if (edge.carriesValue()) {
            // the write is published to the deciding thread by the volatile add below
            Object value = outputs.get(edge.fromPort());
            // a condition whose output is missing reads as false, but never as "not settled"
            values[to][edge.toSlot()] = value == null && edge.kind() == PlanEdge.Kind.WHEN ? Boolean.FALSE : value;
        }
        return states.addAndGet(to, SATISFIED);
    }

    /** @return true when a state returned by {@link #settle} has no unsettled edge left */
    static boolean isSettled(int state) {
        return (state & UNSETTLED) == 0;
    }

    /**
     * Every incoming edge of the node is settled: decide whether it runs.
     *
     * @param state the node's state from the {@link #settle} that settled its last edge
     * @return null to run it, or why it is skipped: something it needs is dead or its condition is false
     */
    String skipReason(PlanNode node, int state) {
        if (deadReasons == null) {
            return null; // nothing can be skipped in this plan, so every edge is satisfied
        }
        int slot = node.whenSlot();
        Object condition = slot < 0 ? null : values[node.index()][slot];
        String dead = deadReasons.get(node.index());
        if (slot >= 0 && condition == null) {
            return dead; // the condition's source did not succeed
        }
        if (dead != null) {
            int branches = node.incoming().size() - (slot < 0 ? 0 : 1);
            int taken = (state >>> 16) - (slot < 0 ? 0 : 1);
            if (!node.joinsAny() || (branches > 0 && taken == 0)) {
                return dead;
            }
        }
        if (slot >= 0 && Boolean.TRUE.equals(condition) == node.whenNegated()) {
            return SkipReasons.CONDITION_FALSE;
        }
        return null;
    }

    /** @return the values the node's incoming edges carried, by slot; null where none did */
    Object[] values(int node) {
        return values[node];
    }

    /** @return why the edge is dead now that its source ended with the status, or null when satisfied */
    private static String deadReason(PlanEdge edge, NodeStatus status) {
        boolean failurePath = edge.kind() == PlanEdge.Kind.AFTER_FAILURE;
        return switch (status) {
            case SUCCEEDED -> failurePath ? SkipReasons.NO_FAILURE : null;
            case FAILED -> failurePath ? null : SkipReasons.UPSTREAM_FAILED;
            default -> SkipReasons.UPSTREAM_SKIPPED;
        };
    }
}
