package io.gantry.engine.core.internal.resilience;

import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.core.internal.plan.PlanNode;

/**
 * Stands between a node and its device: may refuse a call before it is made (a circuit breaker that
 * is open) and hears how each call ended. Consulted only for nodes that run on a device, once per
 * attempt; pure functions never pay for it. Calls come from engine threads: must not block.
 */
public interface DeviceGuard {
    /** Admits every call and ignores outcomes. */
    DeviceGuard NONE = new DeviceGuard() {
        @Override
        public void admit(PlanNode node) {}

        @Override
        public void record(PlanNode node, ExecutionError failure) {}
    };

    /**
     * @param node a node about to call its device ({@link PlanNode#deviceId()} is not null)
     * @throws io.gantry.engine.api.error.GantryException when the call must not be made now; the
     *     node's attempt fails with it (and is retried only if the exception is retryable)
     */
    void admit(PlanNode node);

    /**
     * @param node    a node whose admitted call ended
     * @param failure why it failed, or null when the device answered with outputs; the guard decides
     *     which failures count against the device (a cancel or bad input says nothing about it)
     */
    void record(PlanNode node, ExecutionError failure);
}
