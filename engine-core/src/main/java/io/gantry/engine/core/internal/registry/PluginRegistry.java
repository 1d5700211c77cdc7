package io.gantry.engine.core.internal.registry;

import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.service.DeviceTypeInfo;
import io.gantry.engine.api.service.FunctionInfo;
import io.gantry.engine.api.service.PluginCatalog;
import io.gantry.engine.api.service.PluginInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import io.gantry.engine.core.internal.deploy.DeploymentLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live registry of device drivers and functions. Plugins' services are tracked with dynamic
 * references: they appear when a plugin bundle starts and vanish, with every reference into it,
 * when it stops.
 */
@Component(service = {PluginCatalog.class, PluginRegistry.class, LiveDrivers.class})
public final class PluginRegistry implements PluginCatalog, LiveDrivers {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final ServiceShelf<PipelineFunction, FunctionDescriptor> functions = new ServiceShelf<>();
    private final ServiceShelf<DeviceDriver, DeviceTypeDescriptor> drivers = new ServiceShelf<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final DeploymentLog deployments;

    /**
     * @param deployments failures of hot deployment, shown with the plugins
     */
    @Activate
    public PluginRegistry(@Reference DeploymentLog deployments) {
        this.deployments = deployments;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindFunction(PipelineFunction function, ServiceReference<PipelineFunction> reference) {
        FunctionDescriptor descriptor = describe(reference, function::descriptor);
        if (descriptor != null && !functions.add(descriptor.id(), new Provided<>(function, descriptor, reference.getBundle()))) {
            LOG.warn("function '{}' of {} waits behind the one already registered", descriptor.id(),
                    reference.getBundle().getSymbolicName());
        }
        changed();
    }

    void unbindFunction(PipelineFunction function) {
        functions.remove(function);
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDriver(DeviceDriver driver, ServiceReference<DeviceDriver> reference) {
        DeviceTypeDescriptor descriptor = describe(reference, driver::descriptor);
        if (descriptor != null && !drivers.add(descriptor.id(), new Provided<>(driver, descriptor, reference.getBundle()))) {
            LOG.warn("device type '{}' of {} waits behind the one already registered", descriptor.id(),
                    reference.getBundle().getSymbolicName());
        }
        changed();
    }

    void unbindDriver(DeviceDriver driver) {
        drivers.remove(driver);
        changed();
    }

    /**
     * @param listener called after every change of the registry (on the thread that changed it)
     */
    @Override
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /**
     * @param listener a listener given to {@link #onChange}
     */
    @Override
    public void removeOnChange(Runnable listener) {
        changeListeners.remove(listener);
    }

    /**
     * @param functionId a function id
     * @return the serving function service, when a plugin offers it now
     */
    public Optional<Provided<PipelineFunction, FunctionDescriptor>> liveFunction(String functionId) {
        return functions.serving(functionId);
    }

    /**
     * @param deviceTypeId a device type id
     * @return the serving driver, when a plugin offers it now
     */
    @Override
    public Optional<Provided<DeviceDriver, DeviceTypeDescriptor>> liveDriver(String deviceTypeId) {
        return drivers.serving(deviceTypeId);
    }

    @Override
    public List<PluginInfo> plugins() {
        Map<Long, PluginInfo> byBundle = new TreeMap<>();
        for (Provided<DeviceDriver, DeviceTypeDescriptor> driver : drivers.allServing()) {
            byBundle.compute(driver.bundle().getBundleId(), (id, info) -> with(info, driver.bundle(), driver.descriptor().id(), null));
        }
        for (Provided<PipelineFunction, FunctionDescriptor> function : functions.allServing()) {
            byBundle.compute(function.bundle().getBundleId(), (id, info) -> with(info, function.bundle(), null, function.descriptor().id()));
        }
        Map<String, PluginInfo> bySymbolicName = new TreeMap<>();
        byBundle.values().forEach(info -> bySymbolicName.put(info.symbolicName(), info));
        deployments.failures().values().forEach(failure -> bySymbolicName.merge(failure.plugin(),
                new PluginInfo(failure.plugin(), failure.version(), failure.state(), List.of(), List.of(), failure.error()),
                (live, failed) -> new PluginInfo(live.symbolicName(), live.version(), live.state(), live.deviceTypes(),
                        live.functions(), failed.lastError() + " (version " + failed.version() + ", " + failure.state() + ")")));
        return List.copyOf(bySymbolicName.values());
    }

    @Override
    public List<DeviceTypeInfo> deviceTypes() {
        return drivers.allServing().stream()
                .map(p -> new DeviceTypeInfo(p.descriptor(), p.plugin(), p.version()))
                .toList();
    }

    @Override
    public List<FunctionInfo> functions() {
        return functions.allServing().stream()
                .map(p -> new FunctionInfo(p.descriptor(), p.plugin(), p.version()))
                .toList();
    }

    @Override
    public Optional<FunctionInfo> function(String functionId) {
        return functions.serving(functionId).map(p -> new FunctionInfo(p.descriptor(), p.plugin(), p.version()));
    }

    @Override
    public Optional<DeviceTypeInfo> deviceType(String deviceTypeId) {
        return drivers.serving(deviceTypeId).map(p -> new DeviceTypeInfo(p.descriptor(), p.plugin(), p.version()));
    }

    private static PluginInfo with(PluginInfo info, Bundle bundle, String deviceType, String function) {
        List<String> types = info == null ? List.of() : info.deviceTypes();
        List<String> functions = info == null ? List.of() : info.functions();
        if (deviceType != null) {
            types = append(types, deviceType);
        }
        if (function != null) {
            functions = append(functions, function);
        }
        return new PluginInfo(bundle.getSymbolicName(), bundle.getVersion().toString(), BundleStates.name(bundle.getState()),
                types, functions, null);
    }

    private static List<String> append(List<String> list, String item) {
        java.util.ArrayList<String> copy = new java.util.ArrayList<>(list);
        copy.add(item);
        return List.copyOf(copy);
    }

    /** Reads a plugin's descriptor; a plugin that cannot describe itself is left out, not fatal. */
    private static <D> D describe(ServiceReference<?> reference, Supplier<D> descriptor) {
        try {
            D described = descriptor.get();
            if (described == null) {
                throw new IllegalStateException("descriptor() returned null");
            }
            return described;
        } catch (RuntimeException e) {
            LOG.error("a service of plugin {} cannot describe itself and is ignored: {}",
                    reference.getBundle().getSymbolicName(), e.toString());
            return null;
        }
    }

    private void changed() {
        for (Runnable listener : changeListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("a registry listener failed", e);
            }
        }
    }
}
