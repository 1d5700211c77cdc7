package io.gantry.engine.core.internal.execution;

import io.gantry.engine.core.internal.plan.PlanNode;

/**
 * Finds the live function and device of a node when it starts (and again on each retry), so a
 * plugin that leaves mid-run fails the nodes that still need it instead of being called after it is
 * gone. Implemented by the integrator over the live registries; must be fast and must not block.
 */
@FunctionalInterface
public interface NodeResolver {
    /**
     * @param node the node about to run
     * @return its function, plugin and device
     * @throws io.gantry.engine.api.error.PluginUnavailableException when no live plugin offers the
     *     function (or the device's driver)
     * @throws io.gantry.engine.api.error.DeviceNotConnectedException when the device is not connected
     */
    ResolvedNode resolve(PlanNode node);

    /**
     * Gives a failed call's error the meaning the registries know and the function cannot: a device
     * closed because its plugin was removed mid-call fails the node with {@code plugin-unavailable},
     * not with whatever the closing device said. Called only when an attempt fails.
     *
     * @param node     the node whose attempt failed
     * @param resolved what the attempt ran with
     * @param failure  the error, unwrapped; never a cancellation
     * @return the error to report: {@code failure} itself unless there is a better explanation
     */
    default Throwable explain(PlanNode node, ResolvedNode resolved, Throwable failure) {
        return failure;
    }
}
