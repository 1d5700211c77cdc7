package io.gantry.engine.core.internal.registry;

import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.Topics;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.service.DeviceTypeInfo;
import io.gantry.engine.api.service.FunctionInfo;
import io.gantry.engine.api.service.PluginCatalog;
import io.gantry.engine.api.service.PluginInfo;
import io.gantry.engine.api.service.RejectedFile;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.plan.BuiltinFunctions;
import io.gantry.engine.core.internal.registry.IdOwners.IdKind;
import io.gantry.engine.core.internal.registry.PluginEntry.Admission;
import io.gantry.engine.core.internal.schema.JsonSchemaChecker;
import io.gantry.plugin.rules.DescriptorRules;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live registry of device drivers and functions. Plugins' services are tracked with dynamic
 * references; they serve only once their plugin is admitted ({@link AdmissionCheck}): the plugin
 * the deployer installed is admitted by the deployer after it started cleanly, any other bundle on
 * arrival. An id belongs to the plugin admitted with it first ({@link IdOwners}); a plugin that
 * registers another's id is refused as a whole, listed with the reason, and never serves.
 */
@Component(service = {PluginCatalog.class, PluginRegistry.class, LiveDrivers.class})
public final class PluginRegistry implements PluginCatalog, LiveDrivers {
    /** Location prefix of the bundles the deployer installs from deploy/: they wait to be admitted. */
    public static final String HOT_DEPLOYED = "gantry:deploy/";

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final BundleContext context;
    private final PluginProblems problems;
    private final EventPublisher events;
    /** {@code core.call} and the signal functions come with the engine, not from a plugin. */
    private static final Map<String, FunctionInfo> BUILT_INS = BuiltinFunctions.DESCRIPTORS.values().stream()
            .collect(Collectors.toUnmodifiableMap(FunctionDescriptor::id, d -> new FunctionInfo(d, "built-in", "")));

    private final AdmissionCheck admissionCheck;
    private final SynchronousBundleListener bundleListener = this::bundleChanged;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    /** Guarded by this: entries and owners change together. */
    private final Map<Long, PluginEntry> entries = new HashMap<>();

    private final IdOwners owners = new IdOwners();
    /** Read on every node run without the lock; written under it. */
    private final Map<String, Provided<PipelineFunction, FunctionDescriptor>> servingFunctions =
            new ConcurrentHashMap<>();

    private final Map<String, Provided<DeviceDriver, DeviceTypeDescriptor>> servingDrivers = new ConcurrentHashMap<>();

    /**
     * @param context  to see plugin bundles stop and leave
     * @param problems plugins' failures and rejected files, shown with the plugins
     * @param events   the event bus, for refusals
     * @param schemas  checks the plugins' schemas once, at admission
     */
    @Activate
    public PluginRegistry(
            BundleContext context,
            @Reference PluginProblems problems,
            @Reference EventPublisher events,
            @Reference JsonSchemaChecker schemas) {
        this.context = context;
        this.problems = problems;
        this.events = events;
        this.admissionCheck = new AdmissionCheck(new DescriptorRules(schemas.rules()));
        context.addBundleListener(bundleListener);
    }

    @Deactivate
    void stop() {
        context.removeBundleListener(bundleListener);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindFunction(PipelineFunction function, ServiceReference<PipelineFunction> reference) {
        bind(
                reference,
                function::descriptor,
                "function",
                (entry, descriptor) ->
                        entry.functions.add(new Provided<>(function, descriptor, reference.getBundle())));
    }

    void unbindFunction(PipelineFunction function) {
        unbind(entry -> entry.functions.removeIf(p -> p.service() == function));
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDriver(DeviceDriver driver, ServiceReference<DeviceDriver> reference) {
        bind(
                reference,
                driver::descriptor,
                "device driver",
                (entry, descriptor) -> entry.drivers.add(new Provided<>(driver, descriptor, reference.getBundle())));
    }

    void unbindDriver(DeviceDriver driver) {
        unbind(entry -> entry.drivers.removeIf(p -> p.service() == driver));
    }

    /**
     * Lets a plugin the deployer started serve, after checking all of its services together.
     *
     * @param bundle a started bundle installed from deploy/
     * @return why it is refused; empty when its services serve now
     */
    public List<String> admit(Bundle bundle) {
        List<String> refusal;
        synchronized (this) {
            PluginEntry entry =
                    entries.computeIfAbsent(bundle.getBundleId(), id -> new PluginEntry(bundle, Admission.PENDING));
            refusal = decide(entry);
        }
        changed();
        return refusal;
    }

    private <D> void bind(
            ServiceReference<?> reference, Supplier<D> descriptor, String what, BiConsumer<PluginEntry, D> add) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return; // unregistered meanwhile
        }
        D described = null;
        String undescribed = null;
        try {
            described = descriptor.get();
            if (described == null) {
                undescribed = "a " + what + " service's descriptor() returned null";
            }
        } catch (RuntimeException | LinkageError e) {
            undescribed = "a " + what + " service's descriptor() failed: " + RootCause.message(e);
        }
        synchronized (this) {
            PluginEntry entry = entries.computeIfAbsent(
                    bundle.getBundleId(),
                    id -> new PluginEntry(
                            bundle,
                            bundle.getLocation().startsWith(HOT_DEPLOYED) ? Admission.PENDING : Admission.ADMITTED));
            if (undescribed != null) {
                entry.undescribed.add(undescribed);
            } else {
                add.accept(entry, described);
            }
            if (entry.admission == Admission.ADMITTED) {
                decide(entry); // a service that arrives after its plugin was admitted is checked on its own arrival
            }
        }
        changed();
    }

    private void unbind(Predicate<PluginEntry> removeFrom) {
        synchronized (this) {
            for (PluginEntry entry : entries.values()) {
                if (removeFrom.test(entry)) {
                    break;
                }
            }
            reserve();
        }
        changed();
    }

    /** Admits or refuses the entry as a whole. Called holding the lock. @return the refusal, if any */
    private List<String> decide(PluginEntry entry) {
        List<String> refusal = admissionCheck.problems(
                entry, owners, withoutEntry(servingFunctions, entry), withoutEntry(servingDrivers, entry));
        if (refusal.isEmpty()) {
            if (entry.admission != Admission.ADMITTED) {
                // a version that serves now is what the list shows; a rollback records its own story after this
                problems.succeeded(entry.plugin());
            }
            entry.admission = Admission.ADMITTED;
            entry.functions.forEach(
                    f -> owners.claim(IdKind.FUNCTION, f.descriptor().id(), entry.plugin()));
            entry.drivers.forEach(
                    d -> owners.claim(IdKind.DEVICE_TYPE, d.descriptor().id(), entry.plugin()));
        } else if (entry.admission != Admission.REFUSED) {
            entry.admission = Admission.REFUSED;
            String error = "version " + entry.bundle.getVersion() + " refused: " + String.join("; ", refusal);
            LOG.error("plugin {} {}", entry.plugin(), error);
            problems.failed(new PluginProblems.Failure(
                    entry.plugin(), entry.bundle.getVersion().toString(), error, "REFUSED"));
            Map<String, Object> properties = new HashMap<>();
            properties.put(EventProperties.PLUGIN, entry.plugin());
            properties.put(
                    EventProperties.PLUGIN_VERSION, entry.bundle.getVersion().toString());
            properties.put(EventProperties.ERROR, error);
            events.publish(Topics.PLUGIN_REFUSED, properties);
        }
        reserve();
        return refusal;
    }

    /** Rebuilds what serves from the admitted entries; the first admitted keeps an id. Called holding the lock. */
    private void reserve() {
        servingFunctions.values().removeIf(p -> !servesFrom(p.bundle(), p.service(), true));
        servingDrivers.values().removeIf(p -> !servesFrom(p.bundle(), p.service(), false));
        for (PluginEntry entry : entries.values()) {
            if (entry.admission == Admission.ADMITTED) {
                entry.functions.forEach(
                        f -> servingFunctions.putIfAbsent(f.descriptor().id(), f));
                entry.drivers.forEach(
                        d -> servingDrivers.putIfAbsent(d.descriptor().id(), d));
            }
        }
    }

    private boolean servesFrom(Bundle bundle, Object service, boolean function) {
        PluginEntry entry = entries.get(bundle.getBundleId());
        if (entry == null || entry.admission != Admission.ADMITTED) {
            return false;
        }
        List<? extends Provided<?, ?>> offered = function ? entry.functions : entry.drivers;
        return offered.stream().anyMatch(p -> p.service() == service);
    }

    private static <S, D> Map<String, Provided<S, D>> withoutEntry(
            Map<String, Provided<S, D>> serving, PluginEntry entry) {
        Map<String, Provided<S, D>> others = new HashMap<>(serving);
        others.values().removeIf(p -> p.bundle() == entry.bundle);
        return others;
    }

    private void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        if (event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.UNINSTALLED) {
            synchronized (this) {
                // the next start is a new admission: a stopped plugin is checked again when it comes back
                entries.remove(bundle.getBundleId());
                if (event.getType() == BundleEvent.UNINSTALLED && !installedElsewhere(bundle)) {
                    owners.releaseAll(bundle.getSymbolicName());
                }
                reserve();
            }
            changed();
        }
    }

    private boolean installedElsewhere(Bundle uninstalled) {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != uninstalled.getBundleId()
                    && uninstalled.getSymbolicName() != null
                    && uninstalled.getSymbolicName().equals(bundle.getSymbolicName())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    @Override
    public void removeOnChange(Runnable listener) {
        changeListeners.remove(listener);
    }

    /**
     * @param functionId a function id
     * @return the serving function service, when a plugin offers it now
     */
    public Optional<Provided<PipelineFunction, FunctionDescriptor>> liveFunction(String functionId) {
        return Optional.ofNullable(servingFunctions.get(functionId));
    }

    @Override
    public Optional<Provided<DeviceDriver, DeviceTypeDescriptor>> liveDriver(String deviceTypeId) {
        return Optional.ofNullable(servingDrivers.get(deviceTypeId));
    }

    @Override
    public List<PluginInfo> plugins() {
        return new PluginList(problems).of(pluginBundles(), servingDrivers.values(), servingFunctions.values());
    }

    /** @return each plugin bundle, with whether it was refused */
    private synchronized Map<Bundle, Boolean> pluginBundles() {
        Map<Bundle, Boolean> bundles = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            PluginEntry entry = entries.get(bundle.getBundleId());
            if (entry != null || bundle.getLocation().startsWith(HOT_DEPLOYED)) {
                bundles.put(bundle, entry != null && entry.admission == Admission.REFUSED);
            }
        }
        return bundles;
    }

    @Override
    public List<RejectedFile> rejectedFiles() {
        return problems.rejectedFiles();
    }

    @Override
    public List<DeviceTypeInfo> deviceTypes() {
        return servingDrivers.values().stream()
                .sorted(Comparator.comparing(p -> p.descriptor().id()))
                .map(p -> new DeviceTypeInfo(p.descriptor(), p.plugin(), p.version()))
                .toList();
    }

    @Override
    public List<FunctionInfo> functions() {
        return Stream.concat(
                        BUILT_INS.values().stream(),
                        servingFunctions.values().stream()
                                .map(p -> new FunctionInfo(p.descriptor(), p.plugin(), p.version())))
                .sorted(Comparator.comparing(info -> info.descriptor().id()))
                .toList();
    }

    @Override
    public Optional<FunctionInfo> function(String functionId) {
        FunctionInfo builtIn = BUILT_INS.get(functionId);
        if (builtIn != null) {
            return Optional.of(builtIn);
        }
        return liveFunction(functionId).map(p -> new FunctionInfo(p.descriptor(), p.plugin(), p.version()));
    }

    @Override
    public Optional<DeviceTypeInfo> deviceType(String deviceTypeId) {
        return liveDriver(deviceTypeId).map(p -> new DeviceTypeInfo(p.descriptor(), p.plugin(), p.version()));
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
