package io.gantry.opcua.internal;

import static io.gantry.opcua.internal.Stages.config;
import static io.gantry.opcua.internal.Stages.failure;
import static io.gantry.opcua.internal.Stages.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.error.DeviceFaultException;
import io.gantry.engine.api.error.DeviceNotConnectedException;
import io.gantry.engine.api.error.GantryException;
import io.gantry.engine.api.signal.SignalQuality;
import io.gantry.plugin.testkit.Contracts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that dies and comes back (its own server, since it is killed): the device reports the lost
 * session, and the controller's connect builds one new session with one subscription, as many monitored
 * items as signals and no leftovers.
 */
class OpcUaReconnectTest {
    @TempDir
    Path dir;

    private NodeOpcUaServer server;
    private OpcUaDriver driver;

    @BeforeEach
    void start() {
        server = NodeOpcUaServer.start(dir.resolve("server-pki"));
        driver = new OpcUaDriver(dir.resolve("gantry-data"));
    }

    @AfterEach
    void stop() {
        driver.deactivate();
        server.close();
    }

    @Test
    void aRestartedServerIsReportedDisconnectedThenTheControllersConnectRebuildsOneSubscription() {
        ObservedContext context = new ObservedContext(
                "cell",
                config(
                        server.endpointUrl(),
                        List.of(
                                signal("counter", "ns=1;s=Counter", "samplingIntervalMs", 50),
                                signal("temperature", "ns=1;s=Temperature"),
                                signal("setpoint", "ns=1;s=Setpoint", "access", "read-write"))));
        OpcUaDevice device = (OpcUaDevice) driver.create(context);
        Contracts.assertConnects(device, Stages.WAIT);
        context.awaitSample("counter", 0, sample -> sample.quality() == SignalQuality.GOOD, Stages.WAIT);
        assertThat(server.stats()).isEqualTo("SESSIONS 1 SUBSCRIPTIONS 1 MONITORED 3");

        server.kill();

        assertThat(context.awaitDisconnect(Stages.WAIT))
                .isEqualTo("the session with " + server.endpointUrl()
                        + " was lost (the server went away or stopped answering)");
        // the controller's view follows: nothing goes out until it connects again, and while the server
        // is away its connect fails retryably
        assertThat(failure(device.read(List.of("counter")))).isInstanceOf(DeviceNotConnectedException.class);
        Throwable away = failure(device.connect());
        assertThat(away)
                .isInstanceOf(DeviceFaultException.class)
                .hasMessageStartingWith("device 'cell' cannot connect to " + server.endpointUrl() + " (None/None)");
        assertThat(((GantryException) away).isRetryable()).isTrue();

        server.restart();
        int counters = context.pushed("counter").size();
        int temperatures = context.pushed("temperature").size();
        Contracts.assertConnects(device, Stages.WAIT);

        context.awaitSample("counter", counters, sample -> sample.quality() == SignalQuality.GOOD, Stages.WAIT);
        context.awaitSample("temperature", temperatures, sample -> sample.quality() == SignalQuality.GOOD, Stages.WAIT);
        assertThat(server.stats()).isEqualTo("SESSIONS 1 SUBSCRIPTIONS 1 MONITORED 3");
        assertThat(context.disconnects()).hasSize(1);
        assertThat(context.faults()).isEmpty();
    }

    @Test
    void connectingTwiceOrDisconnectingAndConnectingLeavesOneSessionAndSubscription() {
        OpcUaDevice device = (OpcUaDevice) driver.create(new ObservedContext(
                "cell", config(server.endpointUrl(), List.of(signal("counter", "ns=1;s=Counter")))));
        Contracts.assertConnects(device, Stages.WAIT);
        Contracts.assertConnects(device, Stages.WAIT);
        assertThat(server.stats()).isEqualTo("SESSIONS 1 SUBSCRIPTIONS 1 MONITORED 1");

        assertThat(device.disconnect()).succeedsWithin(Stages.WAIT);
        assertThat(server.stats()).isEqualTo("SESSIONS 0 SUBSCRIPTIONS 0 MONITORED 0");
        Contracts.assertConnects(device, Stages.WAIT);

        assertThat(server.stats()).isEqualTo("SESSIONS 1 SUBSCRIPTIONS 1 MONITORED 1");
    }
}
