package io.gantry.modbus.tcp.internal;

import static io.gantry.modbus.tcp.internal.Stages.config;
import static io.gantry.modbus.tcp.internal.Stages.failure;
import static io.gantry.modbus.tcp.internal.Stages.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.error.DeviceException;
import io.gantry.engine.api.error.DeviceTimeoutException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import io.gantry.plugin.testkit.Contracts;
import io.gantry.plugin.testkit.PluginChecks;
import io.gantry.plugin.testkit.TestInvocation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** modbus.read and modbus.write against Debian's pymodbus. */
class ModbusFunctionTest extends SharedServerTest {
    private final ModbusReadFunction read = new ModbusReadFunction();
    private final ModbusWriteFunction write = new ModbusWriteFunction();
    private ModbusTcpDevice device;

    @BeforeEach
    void connect() {
        device = connected(config(server.port(), List.of()));
    }

    @Test
    void describesBothFunctionsOnTheModbusTcpType() {
        PluginChecks checks = new PluginChecks();
        checks.assertAdmissible(read);
        checks.assertAdmissible(write);

        assertThat(read.descriptor().deviceType()).isEqualTo("modbus-tcp");
        assertThat(read.descriptor().outputs())
                .containsExactly(
                        PortDescriptor.output("values", PortType.JSON), PortDescriptor.output("value", PortType.JSON));
        assertThat(write.descriptor().inputs()).containsExactly(PortDescriptor.required("value", PortType.JSON));
        assertThat(write.descriptor().outputs()).containsExactly(PortDescriptor.output("written", PortType.INTEGER));
        assertThat(checks.paramsProblems(read, Map.of("table", "holding", "address", 0, "count", 126)))
                .isNotEmpty();
        assertThat(checks.paramsProblems(write, Map.of("table", "input", "address", 0)))
                .isNotEmpty();
        assertThat(checks.paramsProblems(write, Map.of("table", "holding", "address", 0, "value", List.of(1, 2))))
                .isEmpty();
    }

    @Test
    void readsARunOfRegistersInOneRequest() {
        server.clearRequests();

        Map<String, Object> outputs = value(
                read.invoke(TestInvocation.on(device).params(Map.of("table", "holding", "address", 20, "count", 50))));

        assertThat(outputs.get("values"))
                .isEqualTo(
                        IntStream.range(0, 50).mapToObj(i -> (long) (1000 + i)).toList());
        assertThat(outputs.get("value")).isEqualTo(1000L);
        assertThat(server.requests()).containsExactly("unit=1 fc=3 address=20 count=50");
    }

    @Test
    void readsTypedValuesInTheirWordOrder() {
        assertThat(value(read.invoke(TestInvocation.on(device)
                                .params(Map.of(
                                        "table", "holding", "address", 4, "type", "int32", "wordOrder", "little"))))
                        .get("value"))
                .isEqualTo(-123456789L);
        assertThat(value(read.invoke(TestInvocation.on(device)
                                .params(Map.of("table", "input", "address", 1, "type", "float32"))))
                        .get("value"))
                .isEqualTo(1.5);
        assertThat(value(read.invoke(
                                TestInvocation.on(device).params(Map.of("table", "coil", "address", 0, "count", 3))))
                        .get("values"))
                .isEqualTo(List.of(true, false, true));
    }

    @Test
    void writesValuesAndArraysReadBackByMbpoll() {
        Map<String, Object> one = value(write.invoke(TestInvocation.on(device)
                .params(Map.of("table", "holding", "address", 96, "type", "int16"))
                .input("value", -2)));
        Map<String, Object> two = value(write.invoke(TestInvocation.on(device)
                .params(Map.of("table", "holding", "address", 80, "type", "uint32", "wordOrder", "little"))
                .input("value", List.of(1, 70000))));
        Map<String, Object> coils = value(write.invoke(TestInvocation.on(device)
                .params(Map.of("table", "coil", "address", 50))
                .input("value", List.of(true, true, false, true))));

        assertThat(one).containsEntry("written", 1);
        assertThat(two).containsEntry("written", 2);
        assertThat(coils).containsEntry("written", 4);
        assertThat(server.mbpoll("-t", "4", "-r", "96")).contains("[96]: \t65534 (-2)");
        assertThat(server.mbpoll("-t", "4:int", "-r", "80", "-c", "2")).contains("[80]: \t1", "[82]: \t70000");
        assertThat(server.mbpoll("-t", "0", "-r", "50", "-c", "4"))
                .contains("[50]: \t1", "[51]: \t1", "[52]: \t0", "[53]: \t1");
    }

    @Test
    void aModbusExceptionIsANonRetryableDeviceErrorNamingTheRegisters() {
        Throwable refused = failure(read.invoke(TestInvocation.on(device)
                .params(Map.of("table", "holding", "address", PyModbusServer.MISSING_HOLDING, "count", 2))));

        assertThat(refused)
                .isInstanceOf(DeviceException.class)
                .hasMessage("device 'plc-1' refused the read of holding registers 200-201: illegal data address"
                        + " (exception 2)");
        assertThat(((DeviceException) refused).code()).isEqualTo("modbus-exception");
        assertThat(((DeviceException) refused).isRetryable()).isFalse();
        assertThat(((DeviceException) refused).deviceId()).isEqualTo("plc-1");
    }

    @Test
    void aSlowServerIsARetryableTimeout() {
        ModbusTcpDevice slow = connected(
                config(server.port(), List.of(), "unitId", PyModbusServer.SLOW_UNIT, "responseTimeoutMs", 200));

        Throwable timeout = failure(write.invoke(TestInvocation.on(slow)
                .params(Map.of("table", "holding", "address", 98))
                .input("value", 1)));

        assertThat(timeout).isInstanceOf(DeviceTimeoutException.class);
        assertThat(((DeviceTimeoutException) timeout).isRetryable()).isTrue();
    }

    @Test
    void aCancelEndsTheCallAtOnce() {
        ModbusTcpDevice slow = connected(
                config(server.port(), List.of(), "unitId", PyModbusServer.SLOW_UNIT, "responseTimeoutMs", 60_000));

        Contracts.assertCancelEndsTheCall(
                read, TestInvocation.on(slow).params(Map.of("table", "holding", "address", 0)), Duration.ofSeconds(2));
    }

    @Test
    void paramsThatDoNotFitTogetherAreInvalidNamingTheParam() {
        assertThat(failure(read.invoke(TestInvocation.on(device)
                        .params(Map.of("table", "holding", "address", 0, "count", 100, "type", "float32")))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("node 'test-node' (modbus.read): params.count: 100 x float32 take 200 registers;"
                        + " one read takes at most 125");
        assertThat(failure(read.invoke(
                        TestInvocation.on(device).params(Map.of("table", "coil", "address", 0, "type", "uint16")))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("params.type: a coil 0 holds a bool, not uint16");
        assertThat(failure(write.invoke(TestInvocation.on(device)
                        .params(Map.of("table", "holding", "address", 0, "type", "int16", "wordOrder", "little"))
                        .input("value", 1))))
                .hasMessageContaining("params.wordOrder: applies only to the 32-bit types");
        assertThat(failure(write.invoke(TestInvocation.on(device)
                        .params(Map.of("table", "holding", "address", 0, "type", "int16"))
                        .input("value", 40000))))
                .isInstanceOf(DeviceException.class)
                .hasMessage("device 'plc-1': holding register 0: 40000 does not fit int16 (-32768 to 32767)");
    }
}
