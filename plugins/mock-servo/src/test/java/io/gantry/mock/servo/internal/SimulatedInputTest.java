package io.gantry.mock.servo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.error.DeviceNotConnectedException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortType;
import io.gantry.plugin.testkit.Contracts;
import io.gantry.plugin.testkit.RecordingDeviceContext;
import io.gantry.plugin.testkit.TestInvocation;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The simulated digital and analog inputs: config, read, set, and a reconnect starting afresh. */
class SimulatedInputTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static Device connected(SimulatedInputDriver driver, Map<String, Object> config) {
        Device device = driver.create(new RecordingDeviceContext("sensor-1", config));
        Contracts.assertConnects(device, WAIT);
        return device;
    }

    private static Object call(PipelineFunction function, TestInvocation invocation) {
        return function.invoke(invocation).toCompletableFuture().join().get("value");
    }

    @Test
    void aDigitalInputReadsFalseUntilSetAndStartsAfreshAfterAReconnect() {
        Device sensor = connected(new DigitalInputDriver(), Map.of());

        assertThat(call(new DigitalReadFunction(), TestInvocation.on(sensor))).isEqualTo(false);
        assertThat(call(new DigitalSetFunction(), TestInvocation.on(sensor).input("value", true)))
                .isEqualTo(true);
        assertThat(call(new DigitalReadFunction(), TestInvocation.on(sensor))).isEqualTo(true);

        assertThat(sensor.disconnect()).succeedsWithin(WAIT);
        assertThat(new DigitalReadFunction().invoke(TestInvocation.on(sensor)))
                .failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(DeviceNotConnectedException.class);
        Contracts.assertConnects(sensor, WAIT);
        assertThat(call(new DigitalReadFunction(), TestInvocation.on(sensor))).isEqualTo(false);
    }

    @Test
    void anAnalogInputStartsAtItsConfiguredValueAndTakesNumbers() {
        Device scale = connected(new AnalogInputDriver(), Map.of("value", 12, "unit", "g"));

        assertThat(call(new AnalogReadFunction(), TestInvocation.on(scale))).isEqualTo(12.0);
        assertThat(call(new AnalogSetFunction(), TestInvocation.on(scale).input("value", 9.5)))
                .isEqualTo(9.5);
        assertThat(new AnalogSetFunction().invoke(TestInvocation.on(scale).input("value", "heavy")))
                .failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(InvalidConfigException.class)
                .withMessageContaining("input 'value' must be a number");
        assertThat(call(new AnalogReadFunction(), TestInvocation.on(scale))).isEqualTo(9.5);
    }

    @Test
    void aConfigValueOfTheWrongTypeIsRefusedNamingTheField() {
        assertThatThrownBy(() ->
                        new DigitalInputDriver().create(new RecordingDeviceContext("sensor-1", Map.of("value", "yes"))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("config 'value' must be a boolean");
    }

    @Test
    void theFunctionsAreTypedForTheirDeviceType() {
        assertThat(new DigitalSetFunction().descriptor().deviceType()).isEqualTo("mock-digital-input");
        assertThat(new DigitalSetFunction().descriptor().input("value").type()).isEqualTo(PortType.BOOLEAN);
        assertThat(new AnalogReadFunction().descriptor().id()).isEqualTo("analog.read");
        assertThat(new AnalogReadFunction().descriptor().output("value").type()).isEqualTo(PortType.NUMBER);
        assertThat(new DigitalInputDriver().descriptor().configSchema()).contains("\"additionalProperties\":false");
    }
}
