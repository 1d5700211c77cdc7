package io.gantry.modbus.tcp.internal;

import static io.gantry.modbus.tcp.internal.Stages.config;
import static io.gantry.modbus.tcp.internal.Stages.failure;
import static io.gantry.modbus.tcp.internal.Stages.signal;
import static io.gantry.modbus.tcp.internal.Stages.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.error.DeviceFaultException;
import io.gantry.engine.api.error.GantryException;
import io.gantry.engine.api.signal.SignalQuality;
import io.gantry.plugin.testkit.Contracts;
import io.gantry.plugin.testkit.RecordingDeviceContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A server that dies and comes back: its own server, since it is killed. */
class ModbusTcpReconnectTest {
    private final ModbusTcpDriver driver = new ModbusTcpDriver();
    private final PyModbusServer server = PyModbusServer.start();

    @AfterEach
    void stop() {
        driver.deactivate();
        server.close();
    }

    @Test
    void aKilledServerFailsTheReadRetryablyAndReportsTheDroppedLinkUntilConnectedAgain() {
        RecordingDeviceContext context = new RecordingDeviceContext(
                "plc-2", config(server.port(), List.of(signal("u16", "holding", 1, "uint16"))));
        ModbusTcpDevice device = Stages.create(driver, context);
        Contracts.assertConnects(device, Stages.WAIT);
        assertThat(value(device.read(List.of("u16"))).get("u16").value()).isEqualTo(54321L);

        server.kill();
        Throwable lost = failure(device.read(List.of("u16")));

        assertThat(lost).isInstanceOf(DeviceFaultException.class).hasMessageContaining("lost during the read");
        assertThat(((GantryException) lost).isRetryable()).isTrue();
        assertThat(context.disconnects())
                .singleElement()
                .asString()
                .startsWith("connection to 127.0.0.1:" + server.port() + " lost during the read of holding register 1");
        // the controller's view follows: no request goes out until it connects again
        assertThat(failure(device.read(List.of("u16")))).hasMessageContaining("not connected");
        assertThat(failure(device.connect()))
                .isInstanceOf(DeviceFaultException.class)
                .hasMessageContaining("cannot connect to 127.0.0.1:" + server.port());

        server.restart();

        Contracts.assertConnects(device, Stages.WAIT);
        assertThat(value(device.read(List.of("u16"))).get("u16").quality()).isEqualTo(SignalQuality.GOOD);
        assertThat(context.disconnects()).hasSize(1);
    }

    @Test
    void closeEndsAConnectThatIsUnderWay() {
        // a non-routable address: the connect hangs (or fails at once where there is no route at all)
        ModbusTcpDevice device = Stages.create(
                driver,
                new RecordingDeviceContext("plc-3", Map.of("host", "10.255.255.1", "connectTimeoutMs", 60_000)));

        Contracts.assertCloseCompletesAPendingConnect(device, Duration.ofSeconds(5));
    }
}
