package io.gantry.mock.servo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import org.junit.jupiter.api.Test;

/** The servo functions are described exactly as API.md promises. */
class ServoFunctionDescriptorTest {

    @Test
    void homeHasNoInputsAndOutputsPosition() {
        FunctionDescriptor descriptor = new ServoHomeFunction().descriptor();

        assertThat(descriptor.id()).isEqualTo("servo.home");
        assertThat(descriptor.deviceType()).isEqualTo("mock-servo");
        assertThat(descriptor.inputs()).isEmpty();
        assertThat(descriptor.outputs()).containsExactly(PortDescriptor.output("position", PortType.NUMBER));
    }

    @Test
    void moveToTakesPositionAndOptionalSpeed() {
        FunctionDescriptor descriptor = new ServoMoveToFunction().descriptor();

        assertThat(descriptor.id()).isEqualTo("servo.move_to");
        assertThat(descriptor.deviceType()).isEqualTo("mock-servo");
        assertThat(descriptor.inputs()).containsExactly(
                PortDescriptor.required("position", PortType.NUMBER),
                PortDescriptor.optional("speed", PortType.NUMBER));
        assertThat(descriptor.outputs()).containsExactly(
                PortDescriptor.output("position", PortType.NUMBER),
                PortDescriptor.output("elapsedMs", PortType.NUMBER));
        assertThat(descriptor.paramsSchema()).contains("\"position\"", "\"speed\"");
    }

    @Test
    void getPositionOutputsPosition() {
        FunctionDescriptor descriptor = new ServoGetPositionFunction().descriptor();

        assertThat(descriptor.id()).isEqualTo("servo.get_position");
        assertThat(descriptor.deviceType()).isEqualTo("mock-servo");
        assertThat(descriptor.inputs()).isEmpty();
        assertThat(descriptor.outputs()).containsExactly(PortDescriptor.output("position", PortType.NUMBER));
    }
}
