package io.gantry.mock.servo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.plugin.testkit.RecordingDeviceContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.assertj.core.api.ThrowableAssertAlternative;

/**
 * A running driver and the devices a test makes with it; closing it deactivates the driver, as the
 * bundle stopping would.
 */
final class ServoFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);

    final MockServoDriver driver = new MockServoDriver();
    /** The faults devices reported through their context, in order. */
    private RecordingDeviceContext context;

    /** @return the base config: travel 0..100, maxSpeed 100, no fault injection */
    static Map<String, Object> config(Object... extraKeysAndValues) {
        Map<String, Object> config = new HashMap<>(Map.of("minPosition", 0, "maxPosition", 100.0, "maxSpeed", 100));
        for (int i = 0; i < extraKeysAndValues.length; i += 2) {
            config.put((String) extraKeysAndValues[i], extraKeysAndValues[i + 1]);
        }
        return config;
    }

    /**
     * Asserts that a command fails, soon, with the given cause.
     *
     * @return an assertion on the cause, for its message
     */
    static ThrowableAssertAlternative<?> assertFailsWith(CompletionStage<?> stage, Class<? extends Throwable> cause) {
        return assertThat(stage)
                .failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(cause);
    }

    MockServo disconnected(Map<String, Object> config) {
        context = new RecordingDeviceContext("axis-1", config);
        return (MockServo) driver.create(context);
    }

    MockServo connected(Map<String, Object> config) {
        MockServo servo = disconnected(config);
        assertThat(servo.connect()).succeedsWithin(WAIT);
        return servo;
    }

    @Override
    public void close() {
        driver.deactivate();
    }

    /** @return what the last created servo reported on its own */
    RecordingDeviceContext context() {
        return context;
    }
}
