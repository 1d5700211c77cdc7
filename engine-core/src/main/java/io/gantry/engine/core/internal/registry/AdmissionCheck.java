package io.gantry.engine.core.internal.registry;

import io.gantry.engine.core.internal.plan.BuiltinFunctions;
import io.gantry.engine.core.internal.registry.IdOwners.IdKind;
import io.gantry.plugin.rules.DescriptorRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a plugin's services may serve: every descriptor is right, no id is declared twice
 * by the plugin, and no id belongs to, or is served by, another plugin. The answer is for the plugin
 * as a whole: one bad service refuses them all, so a plugin never half-serves.
 */
final class AdmissionCheck {
    private final DescriptorRules descriptors;

    AdmissionCheck(DescriptorRules descriptors) {
        this.descriptors = descriptors;
    }

    /** @return what keeps the entry from serving; empty when it may serve */
    List<String> problems(
            PluginEntry entry,
            IdOwners owners,
            Map<String, ? extends Provided<?, ?>> servingFunctions,
            Map<String, ? extends Provided<?, ?>> servingDrivers) {
        List<String> problems = new ArrayList<>(entry.undescribed);
        entry.functions.forEach(f -> problems.addAll(descriptors.function(f.descriptor())));
        entry.drivers.forEach(d -> problems.addAll(descriptors.deviceType(d.descriptor())));
        ids(
                entry,
                IdKind.FUNCTION,
                entry.functions.stream().map(f -> f.descriptor().id()).toList(),
                owners,
                servingFunctions,
                problems);
        ids(
                entry,
                IdKind.DEVICE_TYPE,
                entry.drivers.stream().map(d -> d.descriptor().id()).toList(),
                owners,
                servingDrivers,
                problems);
        return problems;
    }

    private static void ids(
            PluginEntry entry,
            IdKind kind,
            List<String> ids,
            IdOwners owners,
            Map<String, ? extends Provided<?, ?>> serving,
            List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            String what = kind.label() + " '" + id + "'";
            if (!seen.add(id)) {
                problems.add(what + " is registered twice by this plugin");
                continue;
            }
            if (kind == IdKind.FUNCTION && BuiltinFunctions.isBuiltIn(id)) {
                problems.add(what + " is built into the controller");
                continue;
            }
            String owner = owners.ownerOf(kind, id).orElse(entry.plugin());
            Provided<?, ?> current = serving.get(id);
            if (!owner.equals(entry.plugin())) {
                problems.add(what + " belongs to plugin " + owner);
            } else if (current != null && current.bundle() != entry.bundle) {
                problems.add(what + " is served by another installation of this plugin ("
                        + current.bundle().getLocation() + ")");
            }
        }
    }
}
