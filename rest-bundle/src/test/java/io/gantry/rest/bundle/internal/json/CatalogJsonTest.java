package io.gantry.rest.bundle.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.service.DeviceTypeInfo;
import io.gantry.engine.api.service.FunctionInfo;
import io.gantry.engine.api.service.PluginInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogJsonTest {
    @Test
    void functionHasPortsAndParamsAsObject() {
        FunctionDescriptor compare = new FunctionDescriptor(
                "core.compare",
                "Compare",
                null,
                List.of(PortDescriptor.required("a", PortType.NUMBER), PortDescriptor.optional("b", PortType.INTEGER)),
                List.of(PortDescriptor.output("result", PortType.BOOLEAN)),
                "{\"type\":\"object\",\"properties\":{\"op\":{\"enum\":[\"<\",\">\"]}}}",
                1000);

        JsonNode json = Json.tree(CatalogJson.Function.of(new FunctionInfo(compare, "core-functions", "1.0.0")));

        assertThat(json.get("deviceType").isNull()).isTrue();
        assertThat(json.at("/inputs/1").toString())
                .isEqualTo("{\"name\":\"b\",\"type\":\"integer\",\"required\":false}");
        assertThat(json.at("/outputs/0/type").asText()).isEqualTo("boolean");
        assertThat(json.at("/params/properties/op/enum/1").asText()).isEqualTo(">");
        assertThat(json.get("plugin").asText()).isEqualTo("core-functions");
        assertThat(json.get("pluginVersion").asText()).isEqualTo("1.0.0");
    }

    @Test
    void deviceTypeSchemaIsAnObjectAndBrokenSchemaIsEmpty() {
        JsonNode good = Json.tree(CatalogJson.DeviceType.of(new DeviceTypeInfo(
                new DeviceTypeDescriptor("mock-servo", "Servo", "{\"type\":\"object\"}"), "servo", "1")));
        JsonNode broken = Json.tree(CatalogJson.DeviceType.of(
                new DeviceTypeInfo(new DeviceTypeDescriptor("bad", "Bad", "{not json"), "bad", "1")));

        assertThat(good.at("/configSchema/type").asText()).isEqualTo("object");
        assertThat(broken.get("configSchema").isObject()).isTrue();
        assertThat(broken.get("configSchema").size()).isZero();
    }

    @Test
    void pluginOmitsAnAbsentLastError() {
        JsonNode json = Json.tree(
                CatalogJson.Plugin.of(new PluginInfo("p", "1.0.0", "ACTIVE", List.of("t"), List.of("f"), null)));
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly("symbolicName", "version", "state", "deviceTypes", "functions");
    }
}
