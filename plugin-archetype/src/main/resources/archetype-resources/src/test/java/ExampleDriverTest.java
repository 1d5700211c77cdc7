package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gantry.engine.api.device.Device;
import io.gantry.plugin.testkit.Contracts;
import io.gantry.plugin.testkit.PluginChecks;
import io.gantry.plugin.testkit.RecordingDeviceContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleDriverTest {
    private final ExampleDriver driver = new ExampleDriver();
    private final PluginChecks checks = new PluginChecks();

    @Test
    void theControllerWouldAdmitTheDriver() {
        checks.assertAdmissible(driver);
    }

    @Test
    void aConfigWithoutAHostIsRefusedAsTheControllerRefusesIt() {
        assertEquals(1, checks.configProblems(driver, Map.of()).size());
        assertTrue(checks.configProblems(driver, Map.of("host", "10.0.0.5")).isEmpty());
    }

    @Test
    void aDeviceConnectsAndCompletesAPendingConnectWhenClosed() {
        Device device = driver.create(new RecordingDeviceContext("dev-1", Map.of("host", "10.0.0.5")));
        Contracts.assertConnects(device, Duration.ofSeconds(2));
        Device another = driver.create(new RecordingDeviceContext("dev-2", Map.of("host", "10.0.0.5")));
        Contracts.assertCloseCompletesAPendingConnect(another, Duration.ofSeconds(2));
    }
}
