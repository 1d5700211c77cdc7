package io.gantry.modbus.tcp.internal;

import static io.gantry.modbus.tcp.internal.Stages.config;
import static io.gantry.modbus.tcp.internal.Stages.failure;
import static io.gantry.modbus.tcp.internal.Stages.signal;
import static io.gantry.modbus.tcp.internal.Stages.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.error.DeviceException;
import io.gantry.engine.api.error.DeviceTimeoutException;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.signal.SignalDescriptor;
import io.gantry.engine.api.signal.SignalQuality;
import io.gantry.engine.api.signal.SignalSample;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signals read and written against Debian's pymodbus, checked by the server's request log and by mbpoll. */
class ModbusTcpDeviceTest extends SharedServerTest {
    /** The signals of every register type and word order. */
    private static final List<String> TYPED = List.of(
            "i16",
            "u16",
            "i32big",
            "i32little",
            "u32big",
            "u32little",
            "f32big",
            "f32little",
            "minusOne",
            "in0",
            "inFloat");

    private ModbusTcpDevice device;

    @BeforeEach
    void connect() {
        device = connected(config(server.port(), presetSignals()));
        server.clearRequests();
    }

    static List<Map<String, Object>> presetSignals() {
        return List.of(
                signal("i16", "holding", 0, "int16"),
                signal("u16", "holding", 1, "uint16"),
                signal("i32big", "holding", 2, "int32"),
                signal("i32little", "holding", 4, "int32", "wordOrder", "little"),
                signal("u32big", "holding", 6, "uint32", "wordOrder", "big"),
                signal("u32little", "holding", 8, "uint32", "wordOrder", "little"),
                signal("f32big", "holding", 10, "float32"),
                signal("f32little", "holding", 12, "float32", "wordOrder", "little"),
                signal("scaled", "holding", 14, "uint16", "scale", 0.5, "offset", -20, "unit", "mm"),
                signal("scaledWhole", "holding", 14, "uint16", "scale", 2),
                signal("minusOne", "holding", 15, "int16"),
                signal("in0", "input", 0, "uint16"),
                signal("inFloat", "input", 1, "float32"),
                signal("coil0", "coil", 0, "bool"),
                signal("coil1", "coil", 1, "bool"),
                signal("coil7", "coil", 7, "bool"),
                signal("di0", "discrete", 0, "bool"),
                signal("di4", "discrete", 4, "bool"),
                signal("missing", "holding", PyModbusServer.MISSING_HOLDING, "uint16"),
                signal("setpoint", "holding", 90, "int16", "pollMs", 0),
                signal("setpointFloat", "holding", 92, "float32", "wordOrder", "little", "pollMs", 0),
                signal("setpointScaled", "holding", 94, "uint16", "scale", 0.1, "access", "write"),
                signal("coilOut", "coil", 40, "bool", "access", "write"));
    }

    private Map<String, SignalSample> read(String... names) {
        return value(device.read(List.of(names)));
    }

    private Map<String, Object> values(String... names) {
        Map<String, SignalSample> samples = read(names);
        assertThat(samples.values())
                .allSatisfy(sample ->
                        assertThat(sample.quality()).as(sample.error()).isEqualTo(SignalQuality.GOOD));
        return samples.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().value()));
    }

    @Test
    void readsEveryTypeAndWordOrderExactly() {
        assertThat(values(TYPED.toArray(String[]::new)))
                .containsEntry("i16", -1234L)
                .containsEntry("u16", 54321L)
                .containsEntry("i32big", -123456789L)
                .containsEntry("i32little", -123456789L)
                .containsEntry("u32big", 3_000_000_000L)
                .containsEntry("u32little", 3_000_000_000L)
                .containsEntry("f32big", 12.375)
                .containsEntry("f32little", -0.15625)
                .containsEntry("minusOne", -1L)
                .containsEntry("in0", 7L)
                .containsEntry("inFloat", 1.5);
    }

    @Test
    void readsBitsOfCoilsAndDiscreteInputs() {
        assertThat(values("coil0", "coil1", "coil7", "di0", "di4"))
                .containsEntry("coil0", true)
                .containsEntry("coil1", false)
                .containsEntry("coil7", true)
                .containsEntry("di0", true)
                .containsEntry("di4", false);
    }

    @Test
    void scalesAndOffsetsTheRawValue() {
        assertThat(values("scaled", "scaledWhole"))
                .containsEntry("scaled", 597.0) // 1234 * 0.5 - 20
                .containsEntry("scaledWhole", 2468L);
    }

    @Test
    void typesSignalPortsByTypeAndScale() {
        Map<String, SignalDescriptor> signals =
                device.signals().stream().collect(Collectors.toMap(SignalDescriptor::name, signal -> signal));

        assertThat(signals.get("coil0").type()).isEqualTo(PortType.BOOLEAN);
        assertThat(signals.get("u32big").type()).isEqualTo(PortType.INTEGER);
        assertThat(signals.get("scaledWhole").type()).isEqualTo(PortType.INTEGER);
        assertThat(signals.get("scaled").type()).isEqualTo(PortType.NUMBER);
        assertThat(signals.get("scaled").unit()).isEqualTo("mm");
        assertThat(signals.get("f32big").type()).isEqualTo(PortType.NUMBER);
        assertThat(signals.get("u16").pollMs()).isEqualTo(1000);
        assertThat(signals.get("setpoint").polled()).isFalse();
        assertThat(signals.get("di0").access().writable()).isFalse();
        assertThat(signals.get("coil0").access().writable()).isTrue();
        assertThat(signals.get("coilOut").access().readable()).isFalse();
    }

    @Test
    void readsNeighboursOfOneTableInOneRequest() {
        List<String> names = new java.util.ArrayList<>(TYPED);
        names.addAll(List.of("scaled", "coil7", "coil0", "di4", "di0"));
        value(device.read(names));

        assertThat(server.requests())
                .containsExactlyInAnyOrder(
                        "unit=1 fc=3 address=0 count=16",
                        "unit=1 fc=4 address=0 count=3",
                        "unit=1 fc=1 address=0 count=8",
                        "unit=1 fc=2 address=0 count=5");
    }

    @Test
    void splitsReadsAtTheBatchLimitAndAtWideGaps() {
        device = connected(config(
                server.port(),
                List.of(
                        signal("a", "holding", 0, "int16"),
                        signal("b", "holding", 2, "int32"),
                        signal("c", "holding", 10, "float32"),
                        signal("d", "holding", 15, "int16"),
                        signal("e", "holding", 20, "uint16"),
                        signal("f", "holding", 29, "uint16"), // 8 unused registers after e: read through
                        signal("g", "holding", 39, "uint16")), // 9 unused after f: a request of its own
                "maxBatchRegisters",
                10));
        server.clearRequests();

        assertThat(values("a", "b", "c", "d", "e", "f", "g"))
                .containsEntry("b", -123456789L)
                .containsEntry("c", 12.375)
                .hasSize(7);
        assertThat(server.requests())
                .containsExactly(
                        "unit=1 fc=3 address=0 count=4", // c would make it 12 registers
                        "unit=1 fc=3 address=10 count=6",
                        "unit=1 fc=3 address=20 count=10",
                        "unit=1 fc=3 address=39 count=1");
    }

    @Test
    void anIllegalAddressIsBadWhileOtherRequestsStayGood() {
        Map<String, SignalSample> samples = read("missing", "u16", "in0", "coil0");

        assertThat(samples.get("missing").quality()).isEqualTo(SignalQuality.BAD);
        assertThat(samples.get("missing").value()).isNull();
        assertThat(samples.get("missing").error())
                .isEqualTo("holding register 200 (read of 200): illegal data address (exception 2)");
        assertThat(samples.get("u16"))
                .isEqualTo(SignalSample.good(54321L, samples.get("u16").timestamp()));
        assertThat(samples.get("in0").quality()).isEqualTo(SignalQuality.GOOD);
        assertThat(samples.get("coil0").quality()).isEqualTo(SignalQuality.GOOD);
        assertThat(context.disconnects()).isEmpty();
    }

    @Test
    void anUnknownSignalIsBad() {
        assertThat(read("nope").get("nope").error()).isEqualTo("device 'plc-1' has no readable signal 'nope'");
    }

    @Test
    void writesRegistersAndCoilsAsMbpollReadsThem() {
        value(device.write("setpoint", -5));
        value(device.write("setpointFloat", 2.5));
        value(device.write("setpointScaled", 12.34)); // raw 123
        value(device.write("coilOut", true));

        assertThat(server.mbpoll("-t", "4", "-r", "90")).contains("[90]: \t65531 (-5)");
        // mbpoll's 32-bit default is the low word first: our "little"
        assertThat(server.mbpoll("-t", "4:float", "-r", "92")).contains("[92]: \t2.5");
        assertThat(server.mbpoll("-t", "4", "-r", "94")).contains("[94]: \t123");
        assertThat(server.mbpoll("-t", "0", "-r", "40")).contains("[40]: \t1");
        assertThat(server.requests())
                .startsWith(
                        "unit=1 fc=6 address=90 count=1",
                        "unit=1 fc=16 address=92 count=2",
                        "unit=1 fc=6 address=94 count=1",
                        "unit=1 fc=5 address=40 count=1");
        assertThat(values("setpoint", "setpointFloat"))
                .containsEntry("setpoint", -5L)
                .containsEntry("setpointFloat", 2.5);
    }

    @Test
    void refusesAValueOutsideTheTypeNamingSignalAndRange() {
        Throwable tooBig = failure(device.write("setpoint", 40000));

        assertThat(tooBig)
                .isInstanceOf(DeviceException.class)
                .hasMessage("device 'plc-1': signal 'setpoint' (holding register 90): 40000 does not fit int16"
                        + " (-32768 to 32767)");
        assertThat(((DeviceException) tooBig).isRetryable()).isFalse();
        assertThat(failure(device.write("setpointScaled", -1)))
                .hasMessageContaining("signal 'setpointScaled'")
                .hasMessageContaining("does not fit uint16 (0 to 65535)");
        assertThat(failure(device.write("setpoint", 1.5))).hasMessageContaining("1.5 is not a whole number");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void refusesToWriteAReadOnlySignal() {
        assertThat(failure(device.write("in0", 1)))
                .isInstanceOf(DeviceException.class)
                .hasMessageContaining("no writable signal 'in0'");
    }

    @Test
    void aSlowServerTimesOutWithARetryableDeviceTimeout() {
        ModbusTcpDevice slow = connected(config(
                server.port(),
                List.of(signal("u16", "holding", 1, "uint16")),
                "unitId",
                PyModbusServer.SLOW_UNIT,
                "responseTimeoutMs",
                200));

        Throwable timeout = failure(slow.read(List.of("u16")));

        assertThat(timeout)
                .isInstanceOf(DeviceTimeoutException.class)
                .hasMessage("device 'plc-1': no answer from 127.0.0.1:" + server.port()
                        + " to the read of holding register 1 within 200 ms");
        assertThat(((DeviceTimeoutException) timeout).isRetryable()).isTrue();
        assertThat(context.disconnects()).isEmpty();
        // the next request goes out on a new connection and times out the same way, not on a stale answer
        assertThat(failure(slow.read(List.of("u16")))).isInstanceOf(DeviceTimeoutException.class);
    }

    @Test
    void readsAndWritesAfterADisconnectOnlyOnceConnectedAgain() {
        value(device.disconnect());

        assertThat(failure(device.read(List.of("u16")))).hasMessageContaining("not connected");
        value(device.connect());
        assertThat(values("u16")).containsEntry("u16", 54321L);
        assertThat(context.disconnects()).isEmpty();
    }
}
