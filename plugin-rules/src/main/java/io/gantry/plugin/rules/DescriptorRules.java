package io.gantry.plugin.rules;

import io.gantry.engine.api.device.DeviceTypeDescriptor;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PortDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a plugin says about its functions and device types must be right before any of them serves,
 * so a wrong descriptor is its author's error at install, never a pipeline author's 422 or an HTTP
 * 500 later. Each problem names the function or type and what is wrong with it. The controller
 * applies these rules when it admits a plugin; the testkit applies the same in a vendor's tests.
 */
public final class DescriptorRules {
    /** Function and device type ids: as device ids, plus room for a vendor prefix. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** Port names are referenced as {@code node.port}: no dots, no spaces. */
    private static final Pattern PORT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final SchemaRules schemas;

    /** @param schemas checks the params and config schemas */
    public DescriptorRules(SchemaRules schemas) {
        this.schemas = schemas;
    }

    /**
     * @param descriptor a function's descriptor
     * @return what is wrong with it; empty when nothing
     */
    public List<String> function(FunctionDescriptor descriptor) {
        List<String> problems = new ArrayList<>();
        String what = "function '" + descriptor.id() + "'";
        idAndName(what, descriptor.id(), descriptor.name(), problems);
        ports(what, "input", descriptor.inputs(), problems);
        ports(what, "output", descriptor.outputs(), problems);
        schemas.problem(descriptor.paramsSchema())
                .ifPresent(problem -> problems.add(what + ": the params schema " + problem));
        return problems;
    }

    /**
     * @param descriptor a device type's descriptor
     * @return what is wrong with it; empty when nothing
     */
    public List<String> deviceType(DeviceTypeDescriptor descriptor) {
        List<String> problems = new ArrayList<>();
        String what = "device type '" + descriptor.id() + "'";
        idAndName(what, descriptor.id(), descriptor.name(), problems);
        schemas.problem(descriptor.configSchema())
                .ifPresent(problem -> problems.add(what + ": the config schema " + problem));
        return problems;
    }

    private static void idAndName(String what, String id, String name, List<String> problems) {
        if (!ID.matcher(id).matches()) {
            problems.add(
                    what + ": the id must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (name.isBlank()) {
            problems.add(what + ": the name is blank");
        }
    }

    private static void ports(String what, String direction, List<PortDescriptor> ports, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (PortDescriptor port : ports) {
            if (!PORT.matcher(port.name()).matches()) {
                problems.add(what + ": " + direction + " port '" + port.name()
                        + "' must be a letter or '_' followed by letters, digits or '_'");
            }
            if (!seen.add(port.name())) {
                problems.add(what + ": " + direction + " port '" + port.name() + "' is declared twice");
            }
        }
    }
}
