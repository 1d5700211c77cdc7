package io.gantry.rest.bundle.internal.testing;

import io.gantry.engine.api.device.DeviceTypeDescriptor;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.service.DeviceTypeInfo;
import io.gantry.engine.api.service.FunctionInfo;
import io.gantry.engine.api.service.PluginCatalog;
import io.gantry.engine.api.service.PluginInfo;
import io.gantry.engine.api.service.RejectedFile;
import java.util.List;
import java.util.Optional;

/** One plugin with the mock-servo device type and its move function. */
public final class FixedPluginCatalog implements PluginCatalog {
    /** The device type. */
    public static final DeviceTypeInfo SERVO = new DeviceTypeInfo(
            new DeviceTypeDescriptor("mock-servo", "Mock servo", "{\"type\":\"object\",\"required\":[\"maxSpeed\"]}"),
            "io.gantry.plugins.mock.servo",
            "0.1.0");
    /** The function. */
    public static final FunctionInfo MOVE = new FunctionInfo(
            new FunctionDescriptor(
                    "servo.move_to",
                    "Move to",
                    "mock-servo",
                    List.of(
                            PortDescriptor.required("position", PortType.NUMBER),
                            PortDescriptor.optional("speed", PortType.NUMBER)),
                    List.of(PortDescriptor.output("position", PortType.NUMBER)),
                    null,
                    5000),
            "io.gantry.plugins.mock.servo",
            "0.1.0");

    @Override
    public List<PluginInfo> plugins() {
        return List.of(new PluginInfo(
                "io.gantry.plugins.mock.servo",
                "0.1.0",
                "ACTIVE",
                List.of("mock-servo"),
                List.of("servo.move_to"),
                null));
    }

    @Override
    public List<RejectedFile> rejectedFiles() {
        return List.of(
                new RejectedFile("notes.txt", "it is neither a plugin (.jar) nor a configuration (.cfg, .config)"));
    }

    @Override
    public List<DeviceTypeInfo> deviceTypes() {
        return List.of(SERVO);
    }

    @Override
    public List<FunctionInfo> functions() {
        return List.of(MOVE);
    }

    @Override
    public Optional<FunctionInfo> function(String functionId) {
        return functions().stream()
                .filter(f -> f.descriptor().id().equals(functionId))
                .findFirst();
    }

    @Override
    public Optional<DeviceTypeInfo> deviceType(String deviceTypeId) {
        return deviceTypes().stream()
                .filter(t -> t.descriptor().id().equals(deviceTypeId))
                .findFirst();
    }
}
