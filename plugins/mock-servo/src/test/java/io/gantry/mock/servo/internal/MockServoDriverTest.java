package io.gantry.mock.servo.internal;

import static io.gantry.mock.servo.internal.ServoFixture.WAIT;
import static io.gantry.mock.servo.internal.ServoFixture.assertFailsWith;
import static io.gantry.mock.servo.internal.ServoFixture.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.DeviceNotConnectedException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.error.PluginUnavailableException;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockServoDriverTest {
    private final ServoFixture fixture = new ServoFixture();

    @AfterEach
    void stopDriver() {
        fixture.close();
    }

    @Test
    void describesTheMockServoType() {
        var descriptor = fixture.driver.descriptor();

        assertThat(descriptor.id()).isEqualTo("mock-servo");
        assertThat(descriptor.name()).isEqualTo("Mock servo axis");
        assertThat(descriptor.configSchema())
                .contains(
                        "\"minPosition\"",
                        "\"maxPosition\"",
                        "\"maxSpeed\"",
                        "\"failureRate\"",
                        "\"extraLatencyMs\"",
                        "\"faultAfterMoves\"",
                        "\"hang\"",
                        "\"additionalProperties\": false");
    }

    @Test
    void refusesMinPositionNotBelowMaxPosition() {
        assertThatThrownBy(() -> fixture.disconnected(config("minPosition", 100, "maxPosition", 100)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("axis-1")
                .hasMessageContaining("minPosition 100.0 must be below maxPosition 100.0");
    }

    @Test
    void refusesAConfigWithoutMaxSpeed() {
        assertThatThrownBy(() -> fixture.disconnected(Map.of("minPosition", 0, "maxPosition", 1)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("maxSpeed");
    }

    @Test
    void startsDisconnectedAndConnectsAsynchronously() {
        MockServo servo = fixture.disconnected(config());

        assertFailsWith(servo.position(), DeviceNotConnectedException.class);
        assertThat(servo.connect()).succeedsWithin(WAIT);
        assertThat(servo.position()).succeedsWithin(WAIT).isEqualTo(0.0);
    }

    @Test
    void disconnectRefusesFurtherCommands() {
        MockServo servo = fixture.connected(config());

        assertThat(servo.disconnect()).succeedsWithin(WAIT);

        assertFailsWith(servo.home(), DeviceNotConnectedException.class);
    }

    @Test
    void deactivationFailsPendingCommandsAndRefusesNewOnes() {
        MockServo servo = fixture.connected(config("hang", true));
        CompletionStage<MoveResult> hanging = servo.moveTo(10, 10);

        fixture.driver.deactivate();

        assertFailsWith(hanging, DeviceNotConnectedException.class);
        assertFailsWith(servo.connect(), PluginUnavailableException.class);
    }
}
