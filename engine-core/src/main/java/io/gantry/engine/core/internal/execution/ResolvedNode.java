package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.function.PipelineFunction;
import java.util.Objects;

/**
 * The live objects a node runs with, looked up when it starts.
 *
 * @param function       the function service
 * @param plugin         symbolic name of the bundle that offers it
 * @param pluginVersion  that bundle's version
 * @param device         the device instance, or null for a pure function
 */
public record ResolvedNode(PipelineFunction function, String plugin, String pluginVersion, Device device) {
    public ResolvedNode {
        Objects.requireNonNull(function, "function");
    }
}
