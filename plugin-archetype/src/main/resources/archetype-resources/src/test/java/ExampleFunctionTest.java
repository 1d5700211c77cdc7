package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gantry.plugin.testkit.Contracts;
import io.gantry.plugin.testkit.PluginChecks;
import io.gantry.plugin.testkit.RecordingDeviceContext;
import io.gantry.plugin.testkit.TestInvocation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleFunctionTest {
    private final ExampleFunction function = new ExampleFunction();
    private final ExampleDevice device = (ExampleDevice) new ExampleDriver()
            .create(new RecordingDeviceContext("dev-1", Map.of("host", "10.0.0.5")));

    @Test
    void theControllerWouldAdmitTheFunction() {
        new PluginChecks().assertAdmissible(function);
    }

    @Test
    void answersTheHostOfItsDevice() {
        Map<String, Object> outputs = function.invoke(TestInvocation.on(device).input("ms", 10)).toCompletableFuture().join();
        assertEquals("10.0.0.5", outputs.get("host"));
    }

    @Test
    void aCancelEndsTheCall() {
        Contracts.assertCancelEndsTheCall(function, TestInvocation.on(device).input("ms", 60_000), Duration.ofSeconds(1));
    }
}
