package io.gantry.opcua.internal;

import static io.gantry.opcua.internal.Stages.config;
import static io.gantry.opcua.internal.Stages.failure;
import static io.gantry.opcua.internal.Stages.signal;
import static io.gantry.opcua.internal.Stages.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.signal.SignalAccess;
import io.gantry.engine.api.signal.SignalDescriptor;
import io.gantry.engine.api.signal.SignalQuality;
import io.gantry.engine.api.signal.SignalSample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signals from a subscription, reads and writes, against node-opcua with security None. */
class OpcUaDeviceTest extends SharedServerTest {
    @Test
    void aSubscribedCounterArrivesAsPushedGoodReadingsWithTheSourceTime() {
        OpcUaDevice device = connected(config(
                server.endpointUrl(),
                List.of(
                        signal("counter", "ns=1;s=Counter", "type", "integer", "samplingIntervalMs", 50),
                        signal("temperature", "ns=1;s=Temperature", "unit", "°C"))));

        assertThat(device.signals())
                .containsExactly(
                        new SignalDescriptor("counter", PortType.INTEGER, null, SignalAccess.READ, 0, 0),
                        new SignalDescriptor("temperature", PortType.JSON, "°C", SignalAccess.READ, 0, 0));
        SignalSample first = context.awaitSample("counter", 0, sample -> true, Stages.WAIT);
        SignalSample later = context.awaitSample(
                "counter",
                0,
                sample -> sample.value() instanceof Long count && count > (Long) first.value(),
                Stages.WAIT);
        assertThat(first.quality()).isEqualTo(SignalQuality.GOOD);
        assertThat(later.quality()).isEqualTo(SignalQuality.GOOD);
        assertThat(later.timestamp()).isAfter(first.timestamp());
        assertThat(context.awaitSample("temperature", 0, sample -> true, Stages.WAIT))
                .extracting(SignalSample::value, SignalSample::quality)
                .containsExactly(21.5, SignalQuality.GOOD);
    }

    @Test
    void anUnknownNodeIsABadSignalNamingTheStatusWhileTheDeviceStaysConnected() {
        OpcUaDevice device = connected(config(
                server.endpointUrl(),
                List.of(signal("missing", "ns=1;s=NoSuchNode"), signal("counter", "ns=1;s=Counter"))));

        SignalSample missing = context.awaitSample("missing", 0, sample -> true, Stages.WAIT);

        assertThat(missing.quality()).isEqualTo(SignalQuality.BAD);
        assertThat(missing.value()).isNull();
        assertThat(missing.error()).contains("signal 'missing' (ns=1;s=NoSuchNode)", "Bad_NodeIdUnknown (0x80340000)");
        // still connected: the other signal goes on, and reads work
        int seen = context.pushed("counter").size();
        context.awaitSample("counter", seen, sample -> sample.quality() == SignalQuality.GOOD, Stages.WAIT);
        Map<String, SignalSample> read = value(device.read(List.of("missing", "counter")));
        assertThat(read.get("missing").error()).contains("Bad_NodeIdUnknown");
        assertThat(read.get("counter").quality()).isEqualTo(SignalQuality.GOOD);
        assertThat(context.disconnects()).isEmpty();
    }

    @Test
    void aWriteReachesTheServerConvertedToTheNodesDataType() {
        OpcUaDevice device = connected(config(
                server.endpointUrl(),
                List.of(
                        signal("setpoint", "ns=1;s=Setpoint", "type", "number", "access", "read-write"),
                        signal("level", "ns=1;s=Level", "type", "integer", "access", "readwrite"),
                        signal("enabled", "ns=1;s=Enabled", "type", "boolean", "access", "read-write"),
                        signal("label", "ns=1;s=Label", "type", "string", "access", "read-write"))));

        value(device.write("setpoint", 42.5));
        value(device.write("level", 7));
        value(device.write("enabled", true));
        value(device.write("label", "cell two"));

        assertThat(server.writes())
                .containsSubsequence(
                        "ns=1;s=Setpoint 42.5", "ns=1;s=Level 7", "ns=1;s=Enabled true", "ns=1;s=Label cell two");
        assertThat(value(device.read(List.of("setpoint"))).get("setpoint").value())
                .isEqualTo(42.5);
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheTypeAndNothingIsWritten() {
        OpcUaDevice device = connected(config(
                server.endpointUrl(),
                List.of(
                        signal("setpoint", "ns=1;s=Setpoint", "access", "read-write"),
                        signal("level", "ns=1;s=Level", "access", "read-write"),
                        signal("counter", "ns=1;s=Counter"))));
        int before = server.writes().size();

        Throwable text = failure(device.write("setpoint", "hot"));
        Throwable tooBig = failure(device.write("level", 70000));
        Throwable readOnly = failure(device.write("counter", 1));

        assertThat(text)
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("device 'cell': signal 'setpoint' (ns=1;s=Setpoint) expects Double (a number), not the"
                        + " string 'hot'; nothing was written");
        assertThat(tooBig)
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("expects UInt16 (a whole number from 0 to 65535), not the number 70000");
        assertThat(readOnly).isInstanceOf(InvalidConfigException.class).hasMessageContaining("no writable signal");
        assertThat(server.writes()).hasSize(before);
    }
}
