package io.gantry.mock.servo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The servo functions are described exactly as API.md promises. */
class ServoFunctionDescriptorTest {

    @ParameterizedTest(name = "{1}")
    @MethodSource("positionFunctions")
    void positionFunctionsHaveNoInputsAndOutputPosition(PipelineFunction function, String id) {
        FunctionDescriptor descriptor = function.descriptor();

        assertThat(descriptor.id()).isEqualTo(id);
        assertThat(descriptor.deviceType()).isEqualTo("mock-servo");
        assertThat(descriptor.inputs()).isEmpty();
        assertThat(descriptor.outputs()).containsExactly(PortDescriptor.output("position", PortType.NUMBER));
    }

    static Stream<Arguments> positionFunctions() {
        return Stream.of(
                Arguments.of(new ServoHomeFunction(), "servo.home"),
                Arguments.of(new ServoGetPositionFunction(), "servo.get_position"));
    }

    @Test
    void moveToTakesPositionAndOptionalSpeed() {
        FunctionDescriptor descriptor = new ServoMoveToFunction().descriptor();

        assertThat(descriptor.id()).isEqualTo("servo.move_to");
        assertThat(descriptor.deviceType()).isEqualTo("mock-servo");
        assertThat(descriptor.inputs())
                .containsExactly(
                        PortDescriptor.required("position", PortType.NUMBER),
                        PortDescriptor.optional("speed", PortType.NUMBER));
        assertThat(descriptor.outputs())
                .containsExactly(
                        PortDescriptor.output("position", PortType.NUMBER),
                        PortDescriptor.output("elapsedMs", PortType.NUMBER));
        assertThat(descriptor.paramsSchema()).contains("\"position\"", "\"speed\"");
    }
}
