package io.gantry.modbus.tcp.internal;

import static io.gantry.modbus.tcp.internal.Stages.config;
import static io.gantry.modbus.tcp.internal.Stages.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.plugin.testkit.PluginChecks;
import io.gantry.plugin.testkit.RecordingDeviceContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the config schema says, and what create() refuses that no schema can say. */
class ModbusTcpConfigTest {
    private final ModbusTcpDriver driver = new ModbusTcpDriver();
    private final PluginChecks checks = new PluginChecks();

    @Test
    void theDeviceTypeIsAdmissibleWithAStrictSchema() {
        checks.assertAdmissible(driver);

        assertThat(driver.descriptor().id()).isEqualTo("modbus-tcp");
        assertThat(checks.configProblems(driver, Map.of("host", "plc"))).isEmpty();
        assertThat(checks.configProblems(driver, Map.of())).isNotEmpty();
        assertThat(checks.configProblems(driver, Map.of("host", "plc", "colour", "red")))
                .isNotEmpty();
        assertThat(checks.configProblems(driver, Map.of("host", "plc", "maxBatchRegisters", 126)))
                .isNotEmpty();
        assertThat(checks.configProblems(
                        driver, config(502, List.of(signal("a", "holding", 0, "int16", "wordOrder", "middle")))))
                .isNotEmpty();
        assertThat(checks.configProblems(driver, config(502, ModbusTcpDeviceTest.presetSignals())))
                .isEmpty();
    }

    @Test
    void appliesTheDefaults() {
        ModbusTcpConfig config = ModbusTcpConfig.from(
                "plc", Map.of("host", "plc", "signals", List.of(signal("a", "input", 3, "uint16"))));

        assertThat(config)
                .isEqualTo(new ModbusTcpConfig(
                        "plc",
                        502,
                        1,
                        3000,
                        1000,
                        120,
                        List.of(new SignalConfig(
                                "a",
                                Table.INPUT,
                                3,
                                new Codec(DataType.UINT16, WordOrder.BIG, 1, 0),
                                1000,
                                io.gantry.engine.api.signal.SignalAccess.READ,
                                null,
                                0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableSignals")
    void refusesWhatTheSchemaCannotSayNamingTheField(String field, Map<String, Object> bad, String problem) {
        List<Map<String, Object>> signals =
                List.of(signal("ok1", "holding", 0, "int16"), signal("ok2", "coil", 0, "bool"), bad);

        assertThatThrownBy(() -> driver.create(new RecordingDeviceContext("plc-9", config(502, signals))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("device 'plc-9' (modbus-tcp): signals[2]." + field + ": " + problem);
    }

    static Stream<Arguments> unusableSignals() {
        return Stream.of(
                Arguments.of(
                        "type",
                        signal("x", "holding", 3, "bool"),
                        "bool needs a coil or a discrete input, not a holding register 3"),
                Arguments.of("type", signal("x", "discrete", 3, "int16"), "a discrete input 3 holds a bool, not int16"),
                Arguments.of(
                        "address",
                        signal("x", "holding", 65535, "float32"),
                        "float32 takes two registers from 65535: past the last address 65535"),
                Arguments.of("name", signal("ok1", "input", 0, "uint16"), "'ok1' is the name of signals[0] too"),
                Arguments.of(
                        "access",
                        signal("x", "input", 0, "uint16", "access", "read-write"),
                        "'read-write' on an input register 0, which is read-only"),
                Arguments.of(
                        "scale",
                        signal("x", "holding", 0, "int16", "scale", 0),
                        "must not be 0 (every value would read as the offset)"),
                Arguments.of("scale", signal("x", "coil", 0, "bool", "scale", 2), "a bool is not scaled"),
                Arguments.of(
                        "wordOrder",
                        signal("x", "holding", 0, "uint16", "wordOrder", "little"),
                        "applies only to the 32-bit types (int32, uint32, float32), not uint16"),
                Arguments.of(
                        "pollMs",
                        signal("x", "holding", 0, "uint16", "pollMs", 5),
                        "must be 0 (not polled) or at least 10, was 5"),
                Arguments.of(
                        "type",
                        signal("x", "holding", 0, "int64"),
                        "'int64' is not a type (bool, int16, uint16, int32, uint32, float32)"),
                Arguments.of(
                        "name",
                        signal("9lives", "holding", 0, "int16"),
                        "'9lives' must be a letter, then letters, digits, '_', '-' or '.' (at most 64)"));
    }

    @Test
    void refusesABadTopLevelFieldNamingIt() {
        assertThatThrownBy(
                        () -> driver.create(new RecordingDeviceContext("plc-9", Map.of("host", "plc", "unitId", 256))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("device 'plc-9' (modbus-tcp): unitId: must be a whole number from 0 to 255, was 256");
        assertThatThrownBy(() -> driver.create(new RecordingDeviceContext("plc-9", Map.of("port", 502))))
                .hasMessage("device 'plc-9' (modbus-tcp): host: is required");
    }
}
