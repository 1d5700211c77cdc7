package io.gantry.engine.core.internal.registry;

import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PipelineFunction;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;

/**
 * One started plugin bundle's services as the registry holds them, and whether they may serve. A
 * bundle the deployer installed waits PENDING until the deployer admits it, so none of its services
 * serves before all of them were checked. Guarded by the registry.
 */
final class PluginEntry {
    enum Admission {
        PENDING,
        ADMITTED,
        REFUSED
    }

    final Bundle bundle;
    final List<Provided<PipelineFunction, FunctionDescriptor>> functions = new ArrayList<>();
    final List<Provided<DeviceDriver, DeviceTypeDescriptor>> drivers = new ArrayList<>();
    /** What services that could not even describe themselves threw. */
    final List<String> undescribed = new ArrayList<>();

    Admission admission;

    PluginEntry(Bundle bundle, Admission admission) {
        this.bundle = bundle;
        this.admission = admission;
    }

    String plugin() {
        return bundle.getSymbolicName();
    }
}
