package io.gantry.mock.servo.internal;

import static io.gantry.mock.servo.internal.ServoFixture.WAIT;
import static io.gantry.mock.servo.internal.ServoFixture.assertFailsWith;
import static io.gantry.mock.servo.internal.ServoFixture.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.DeviceFaultException;
import io.gantry.engine.api.error.ExecutionCancelledException;
import io.gantry.plugin.testkit.TestInvocation;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    private final ServoFixture fixture = new ServoFixture();

    @AfterEach
    void stopDriver() {
        fixture.close();
    }

    @Test
    void failureRateFailsThatShareOfCommands() {
        MockServo servo = fixture.connected(config("failureRate", 0.3, "seed", 42));
        int calls = 1000;
        int failures = 0;
        for (int i = 0; i < calls; i++) {
            try {
                servo.position().toCompletableFuture().join();
            } catch (CompletionException e) {
                assertThat(e.getCause()).isInstanceOf(DeviceFaultException.class);
                failures++;
            }
        }
        // mean 300, standard deviation about 14.5: five of them either side
        assertThat(failures).isBetween(228, 372);
    }

    @Test
    void injectedFailuresAreRetryableDeviceFaults() {
        MockServo servo = fixture.connected(config("failureRate", 1.0));

        assertThat(servo.moveTo(10, 100))
                .failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(DeviceFaultException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.deviceId()).isEqualTo("axis-1");
                });
    }

    @Test
    void faultAfterMovesReportsAFaultAndRefusesCommandsUntilReconnected() {
        MockServo servo = fixture.connected(config("faultAfterMoves", 2, "maxSpeed", 1000));

        assertThat(servo.moveTo(10, 1000)).succeedsWithin(WAIT);
        assertThat(fixture.context().faults()).isEmpty();
        assertThat(servo.moveTo(20, 1000)).succeedsWithin(WAIT);

        assertThat(fixture.context().faults()).singleElement().asString().contains("axis-1", "2 moves");
        assertFailsWith(servo.position(), DeviceFaultException.class);

        assertThat(servo.disconnect().thenCompose(done -> servo.connect())).succeedsWithin(WAIT);
        assertThat(servo.position()).succeedsWithin(WAIT).isEqualTo(20.0);
    }

    @Test
    void extraLatencyDelaysEveryCommand() {
        MockServo servo = fixture.connected(config("extraLatencyMs", 300));
        long start = System.nanoTime();

        servo.position().toCompletableFuture().join();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(270L, 2300L);
    }

    @Test
    void aHangingCommandCompletesExceptionallyWhenCancelled() {
        MockServo servo = fixture.connected(config("hang", true));
        TestInvocation invocation = TestInvocation.on(servo).inputs(Map.of("position", 50));
        CompletionStage<Map<String, Object>> move = new ServoMoveToFunction().invoke(invocation);

        assertThatThrownBy(() -> move.toCompletableFuture().get(200, TimeUnit.MILLISECONDS))
                .isInstanceOf(TimeoutException.class);
        invocation.cancel();

        assertFailsWith(move, ExecutionCancelledException.class);
        // Nothing is left behind: the device is free for the next command (which hangs in turn).
        CompletionStage<Double> next = servo.position();
        servo.stop();
        assertFailsWith(next, ExecutionCancelledException.class);
    }
}
