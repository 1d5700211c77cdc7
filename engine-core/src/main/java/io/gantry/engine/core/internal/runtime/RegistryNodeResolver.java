package io.gantry.engine.core.internal.runtime;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.error.PluginUnavailableException;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.core.internal.device.DeviceManager;
import io.gantry.engine.core.internal.execution.NodeResolver;
import io.gantry.engine.core.internal.execution.PlanNode;
import io.gantry.engine.core.internal.execution.ResolvedNode;
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
}
