package io.gantry.rest.bundle.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.service.DeviceTypeInfo;
import io.gantry.engine.api.service.FunctionInfo;
import io.gantry.engine.api.service.PluginInfo;
import java.util.List;

/** The JSON of {@code /plugins}, {@code /device-types} and {@code /functions}. */
public final class CatalogJson {
    private CatalogJson() {}

    /**
     * A plugin bundle.
     *
     * @param symbolicName its bundle symbolic name
     * @param version      its bundle version
     * @param state        its state, e.g. ACTIVE
     * @param deviceTypes  ids of the device types it provides
     * @param functions    ids of the functions it provides
     * @param lastError    why it failed, when it did
     */
    public record Plugin(
            String symbolicName,
            String version,
            String state,
            List<String> deviceTypes,
            List<String> functions,
            @JsonInclude(JsonInclude.Include.NON_NULL) String lastError) {
        /** @param info the plugin @return its JSON */
        public static Plugin of(PluginInfo info) {
            return new Plugin(
                    info.symbolicName(),
                    info.version(),
                    info.state(),
                    info.deviceTypes(),
                    info.functions(),
                    info.lastError());
        }
    }

    /**
     * A device type.
     *
     * @param id            its id
     * @param name          its display name
     * @param plugin        the plugin providing it
     * @param pluginVersion that plugin's version
     * @param configSchema  the JSON Schema of a device's config, as a JSON object
     * @param signals       the signals every device of the type has (a device's config may add more)
     */
    public record DeviceType(
            String id,
            String name,
            String plugin,
            String pluginVersion,
            JsonNode configSchema,
            List<SignalJson.Declared> signals) {
        /** @param info the device type @return its JSON */
        public static DeviceType of(DeviceTypeInfo info) {
            DeviceTypeDescriptor d = info.descriptor();
            return new DeviceType(
                    d.id(),
                    d.name(),
                    info.plugin(),
                    info.pluginVersion(),
                    SchemaText.parse("device type " + d.id(), d.configSchema()),
                    d.signals().stream().map(SignalJson.Declared::of).toList());
        }
    }

    /**
     * A function.
     *
     * @param id               its id
     * @param name             its display name
     * @param deviceType       the device type it needs; null for a pure function
     * @param inputs           its input ports
     * @param outputs          its output ports
     * @param params           the JSON Schema of its params, as a JSON object
     * @param defaultTimeoutMs its timeout when a node sets none (extension)
     * @param plugin           the plugin providing it
     * @param pluginVersion    that plugin's version
     */
    public record Function(
            String id,
            String name,
            String deviceType,
            List<Port> inputs,
            List<Port> outputs,
            JsonNode params,
            long defaultTimeoutMs,
            String plugin,
            String pluginVersion) {
        /** @param info the function @return its JSON */
        public static Function of(FunctionInfo info) {
            FunctionDescriptor d = info.descriptor();
            return new Function(
                    d.id(),
                    d.name(),
                    d.deviceType(),
                    Port.all(d.inputs()),
                    Port.all(d.outputs()),
                    SchemaText.parse("function " + d.id(), d.paramsSchema()),
                    d.defaultTimeoutMs(),
                    info.plugin(),
                    info.pluginVersion());
        }
    }

    /**
     * A port of a function.
     *
     * @param name     its name
     * @param type     {@code number}, {@code integer}, {@code boolean}, {@code string} or {@code json}
     * @param required whether a value must reach it (always false for outputs)
     */
    public record Port(String name, String type, boolean required) {
        static List<Port> all(List<PortDescriptor> ports) {
            return ports.stream()
                    .map(p -> new Port(p.name(), p.type().id(), p.required()))
                    .toList();
        }
    }
}
