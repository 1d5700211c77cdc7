package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.error.PluginUnavailableException;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.core.internal.device.DeviceManager;
import io.gantry.engine.core.internal.plan.PlanNode;
import io.gantry.engine.core.internal.registry.InFlightCalls;
import io.gantry.engine.core.internal.registry.PluginRegistry;
import io.gantry.engine.core.internal.registry.Provided;

/** Resolves a node, when it starts, to the function and device live in the registries right now. */
final class RegistryNodeResolver implements NodeResolver {
    private final PluginRegistry registry;
    private final DeviceManager devices;
    private final InFlightCalls inFlight;

    RegistryNodeResolver(PluginRegistry registry, DeviceManager devices, InFlightCalls inFlight) {
        this.registry = registry;
        this.devices = devices;
        this.inFlight = inFlight;
    }

    @Override
    public ResolvedNode resolve(PlanNode node) {
        Provided<PipelineFunction, FunctionDescriptor> function = registry.liveFunction(node.functionId())
                .orElseThrow(() -> new PluginUnavailableException("node '" + node.id() + "': function '"
                        + node.functionId() + "' is not available: its plugin is not installed now"));
        Device device = node.deviceId() == null ? null : devices.connectedInstance(node.deviceId());
        return new ResolvedNode(inFlight.counting(function), function.plugin(), function.version(), device);
    }

    /**
     * A plugin that left (or was replaced) during the call explains the failure better than its device:
     * the function's plugin is gone, or the device's driver is (a leaving driver closes its instances
     * under the calls, which they report as "not connected"; DS unregisters the driver before that).
     */
    @Override
    public Throwable explain(PlanNode node, ResolvedNode resolved, Throwable failure) {
        boolean functionLive = registry.liveFunction(node.functionId())
                .filter(live -> live.plugin().equals(resolved.plugin())
                        && live.version().equals(resolved.pluginVersion()))
                .isPresent();
        boolean deviceLive = node.deviceId() == null
                || devices.typeOf(node.deviceId())
                        .map(type -> registry.liveDriver(type).isPresent())
                        .orElse(true);
        if (functionLive && deviceLive) {
            return failure;
        }
        return new PluginUnavailableException(
                "node '" + node.id() + "': plugin " + resolved.plugin() + " " + resolved.pluginVersion()
                        + " was removed during the call (" + failure.getMessage() + ")",
                failure);
    }
}
