package io.gantry.mock.servo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.signal.SignalSample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The axis pushes its signals as a drive's telegram would: on connect, on the way, and when it stops. */
class ServoSignalsTest {
    private final ServoFixture fixture = new ServoFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aMovePushesRisingPositionsEndingAtTheTargetAndMovingFalse() {
        MockServo servo = fixture.connected(ServoFixture.config());

        servo.moveTo(50, 100).toCompletableFuture().join(); // 0.5 s, pushed every 50 ms

        List<Double> positions =
                values("position").stream().map(v -> ((Number) v).doubleValue()).toList();
        assertThat(positions).hasSizeGreaterThan(3).isSorted();
        assertThat(positions.get(positions.size() - 1)).isEqualTo(50.0);
        assertThat(positions).anyMatch(p -> p > 0 && p < 50);
        List<Object> moving = values("moving");
        assertThat(moving).contains(true);
        assertThat(moving.get(moving.size() - 1)).isEqualTo(false);
    }

    @Test
    void readsAnswerTheStateNowAndAConnectPushesIt() {
        MockServo servo = fixture.connected(ServoFixture.config());

        Map<String, SignalSample> read =
                servo.read(List.of("position", "fault")).toCompletableFuture().join();

        assertThat(read.get("position").value()).isEqualTo(0.0);
        assertThat(read.get("fault").value()).isEqualTo(false);
        assertThat(values("position")).isNotEmpty();
        assertThat(servo.signals()).extracting(s -> s.name()).containsExactly("position", "moving", "fault");
    }

    private List<Object> values(String signal) {
        return fixture.context().pushedSignals().stream()
                .filter(e -> e.getKey().equals(signal))
                .map(e -> e.getValue().value())
                .toList();
    }
}
