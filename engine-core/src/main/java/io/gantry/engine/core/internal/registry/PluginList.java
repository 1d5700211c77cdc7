package io.gantry.engine.core.internal.registry;

import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.service.PluginInfo;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.osgi.framework.Bundle;

/**
 * The plugin list as an operator reads it: every plugin bundle with what it serves, its state and
 * its last failure, and the plugins that failed without a bundle left to show (a version that could
 * not be installed).
 */
final class PluginList {
    private final PluginProblems problems;

    PluginList(PluginProblems problems) {
        this.problems = problems;
    }

    /**
     * @param bundles   each plugin bundle installed now, with whether the registry refused it
     * @param drivers   the serving drivers
     * @param functions the serving functions
     * @return one entry per symbolic name, by name
     */
    List<PluginInfo> of(
            Map<Bundle, Boolean> bundles,
            Collection<Provided<DeviceDriver, DeviceTypeDescriptor>> drivers,
            Collection<Provided<PipelineFunction, FunctionDescriptor>> functions) {
        Map<String, PluginInfo> byName = new TreeMap<>();
        bundles.forEach((bundle, refused) -> {
            PluginInfo info = info(
                    bundle,
                    refused,
                    idsOf(bundle, drivers, DeviceTypeDescriptor::id),
                    idsOf(bundle, functions, FunctionDescriptor::id));
            // two installations of one plugin: the one that serves is the one to show
            byName.merge(info.symbolicName(), info, (a, b) -> serves(a) ? a : b);
        });
        problems.failures()
                .values()
                .forEach(failure -> byName.putIfAbsent(
                        failure.plugin(),
                        new PluginInfo(
                                failure.plugin(),
                                failure.version(),
                                failure.state(),
                                List.of(),
                                List.of(),
                                failure.error())));
        return List.copyOf(byName.values());
    }

    private PluginInfo info(Bundle bundle, boolean refused, List<String> types, List<String> functions) {
        Optional<PluginProblems.Failure> failure = problems.failure(bundle.getSymbolicName());
        String state = BundleStates.name(bundle.getState());
        if (refused) {
            state = "REFUSED";
        } else if (bundle.getState() != Bundle.ACTIVE && failure.isPresent()) {
            state = failure.get().state();
        }
        return new PluginInfo(
                bundle.getSymbolicName(),
                bundle.getVersion().toString(),
                state,
                types,
                functions,
                failure.map(PluginProblems.Failure::error).orElse(null));
    }

    private static boolean serves(PluginInfo info) {
        return !info.deviceTypes().isEmpty() || !info.functions().isEmpty();
    }

    private static <D> List<String> idsOf(
            Bundle bundle, Collection<? extends Provided<?, D>> serving, Function<D, String> id) {
        return serving.stream()
                .filter(p -> p.bundle() == bundle)
                .map(p -> id.apply(p.descriptor()))
                .sorted()
                .toList();
    }
}
