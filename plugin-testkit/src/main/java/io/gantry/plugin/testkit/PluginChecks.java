package io.gantry.plugin.testkit;

import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.plugin.rules.DescriptorRules;
import io.gantry.plugin.rules.SchemaRules;
import java.util.List;
import java.util.Map;

/**
 * The controller's own checks of a plugin, for a unit test: the rules it applies when it admits a
 * plugin (a descriptor these accept is one the controller accepts) and the schema checks it applies
 * to a device's config and a node's params.
 */
public final class PluginChecks {
    private final SchemaRules schemas = new SchemaRules();
    private final DescriptorRules descriptors = new DescriptorRules(schemas);

    /**
     * @param function a function as the plugin registers it
     * @throws AssertionError naming every problem the controller would refuse the plugin for
     */
    public void assertAdmissible(PipelineFunction function) {
        fail("function", descriptors.function(function.descriptor()));
    }

    /**
     * @param driver a driver as the plugin registers it
     * @throws AssertionError naming every problem the controller would refuse the plugin for
     */
    public void assertAdmissible(DeviceDriver driver) {
        fail("device type", descriptors.deviceType(driver.descriptor()));
    }

    /**
     * @param driver a driver
     * @param config a device config
     * @return the problems the controller would answer a create with (422); empty when it accepts it
     */
    public List<Problem> configProblems(DeviceDriver driver, Map<String, Object> config) {
        return schemas.check(schemas.compile(driver.descriptor().configSchema()), config, "config");
    }

    /**
     * @param function a function
     * @param params   a node's params
     * @return the problems the controller would answer a pipeline with (422); empty when it accepts them
     */
    public List<Problem> paramsProblems(PipelineFunction function, Map<String, Object> params) {
        return schemas.check(schemas.compile(function.descriptor().paramsSchema()), params, "params");
    }

    private static void fail(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError("the controller would refuse this " + what + ": " + String.join("; ", problems));
        }
    }
}
