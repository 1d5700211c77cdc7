package io.gantry.mock.servo.internal;

import static io.gantry.mock.servo.internal.ServoFixture.WAIT;
import static io.gantry.mock.servo.internal.ServoFixture.assertFailsWith;
import static io.gantry.mock.servo.internal.ServoFixture.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gantry.engine.api.error.DeviceNotConnectedException;
import io.gantry.engine.api.error.ExecutionCancelledException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.plugin.testkit.TestInvocation;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServoMoveToFunctionTest {
    private final ServoFixture fixture = new ServoFixture();
    private final ServoMoveToFunction moveTo = new ServoMoveToFunction();

    private CompletionStage<Map<String, Object>> move(MockServo servo, Map<String, Object> inputs) {
        return moveTo.invoke(TestInvocation.on(servo).node("move1").inputs(inputs));
    }

    @AfterEach
    void stopDriver() {
        fixture.close();
    }

    @Test
    void takesDistanceOverSpeed() {
        MockServo servo = fixture.connected(config());
        long expectedMs = 600; // 60 units at 100 units/s
        long start = System.nanoTime();

        Map<String, Object> outputs = move(servo, Map.of("position", 60, "speed", 100))
                .toCompletableFuture()
                .join();

        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(tookMs).isGreaterThanOrEqualTo(expectedMs * 9 / 10).isLessThan(expectedMs + 2000);
        assertThat(outputs).containsEntry("position", 60.0);
        assertThat((Long) outputs.get("elapsedMs")).isGreaterThanOrEqualTo(expectedMs * 9 / 10);
    }

    @Test
    void defaultsToMaxSpeed() {
        MockServo servo = fixture.connected(config("maxSpeed", 1000));
        long start = System.nanoTime();

        move(servo, Map.of("position", 100)).toCompletableFuture().join();

        // 100 units at 1000 units/s; a default of anything slower would take far longer.
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(90L, 2100L);
    }

    @Test
    void failsOutsideTheTravelLimits() {
        MockServo servo = fixture.connected(config());

        assertFailsWith(move(servo, Map.of("position", 100.5)), InvalidConfigException.class)
                .withMessageContaining("axis-1")
                .withMessageContaining("[0.0, 100.0]");
    }

    @Test
    void failsWhenSpeedIsAboveMaxSpeed() {
        MockServo servo = fixture.connected(config());

        assertFailsWith(move(servo, Map.of("position", 10, "speed", 101)), InvalidConfigException.class);
    }

    @Test
    void failsWithoutAPosition() {
        MockServo servo = fixture.connected(config());

        assertFailsWith(move(servo, Map.of()), InvalidConfigException.class).withMessageContaining("move1");
    }

    @Test
    void failsWhenDisconnected() {
        MockServo servo = fixture.disconnected(config());

        assertFailsWith(move(servo, Map.of("position", 10)), DeviceNotConnectedException.class);
    }

    @Test
    void cancelStopsTheMotionWhereTheAxisHadGot() {
        MockServo servo = fixture.connected(config("maxSpeed", 10));
        TestInvocation invocation = TestInvocation.on(servo).inputs(Map.of("position", 100)); // 10 s of travel
        CompletionStage<Map<String, Object>> move = moveTo.invoke(invocation);

        CompletableFuture.runAsync(invocation::cancel, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        assertFailsWith(move, ExecutionCancelledException.class);
        double stoppedAt = servo.position().toCompletableFuture().join();
        assertThat(stoppedAt).isGreaterThan(0.0).isLessThan(100.0);
    }

    @Test
    void aLateCancelDoesNotStopTheNextCommand() {
        MockServo servo = fixture.connected(config("maxSpeed", 1000));
        TestInvocation first = TestInvocation.on(servo).inputs(Map.of("position", 10));
        moveTo.invoke(first).toCompletableFuture().join();
        CompletionStage<Map<String, Object>> second = move(servo, Map.of("position", 20));

        first.cancel();

        assertThat(second)
                .succeedsWithin(WAIT)
                .extracting(o -> (Double) o.get("position"))
                .isEqualTo(20.0);
    }

    @Test
    void homeAndGetPositionReportWhereTheAxisIs() {
        MockServo servo = fixture.connected(config("minPosition", -50, "maxSpeed", 1000));
        move(servo, Map.of("position", -25.5)).toCompletableFuture().join();

        assertThat(new ServoGetPositionFunction()
                        .invoke(TestInvocation.on(servo).inputs(Map.of())))
                .succeedsWithin(WAIT)
                .extracting(o -> (Double) o.get("position"))
                .isEqualTo(-25.5);
        assertThat(new ServoHomeFunction().invoke(TestInvocation.on(servo).inputs(Map.of())))
                .succeedsWithin(WAIT)
                .extracting(o -> (Double) o.get("position"))
                .satisfies(position -> assertThat(position).isCloseTo(0.0, within(1e-9)));
    }
}
