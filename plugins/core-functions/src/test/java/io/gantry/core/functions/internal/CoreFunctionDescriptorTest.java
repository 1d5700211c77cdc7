package io.gantry.core.functions.internal;

import static io.gantry.engine.api.function.PortDescriptor.optional;
import static io.gantry.engine.api.function.PortDescriptor.output;
import static io.gantry.engine.api.function.PortDescriptor.required;
import static io.gantry.engine.api.function.PortType.BOOLEAN;
import static io.gantry.engine.api.function.PortType.JSON;
import static io.gantry.engine.api.function.PortType.NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every core function is described exactly as API.md promises. */
class CoreFunctionDescriptorTest {

    static Stream<Arguments> functions() {
        DelayFunction delay = new DelayFunction();
        delay.deactivate(); // only its descriptor is needed
        return Stream.of(
                Arguments.of(
                        new ConstantFunction(),
                        "core.constant",
                        List.of(),
                        List.of(output("value", JSON)),
                        List.of("value")),
                Arguments.of(
                        new AddFunction(),
                        "core.add",
                        List.of(required("a", NUMBER), required("b", NUMBER)),
                        List.of(output("result", NUMBER)),
                        List.of("a", "b")),
                Arguments.of(
                        new MultiplyFunction(),
                        "core.multiply",
                        List.of(required("a", NUMBER), required("b", NUMBER)),
                        List.of(output("result", NUMBER)),
                        List.of("a", "b")),
                Arguments.of(
                        new CompareFunction(),
                        "core.compare",
                        List.of(required("a", NUMBER), required("b", NUMBER)),
                        List.of(output("result", BOOLEAN)),
                        List.of("op", "a", "b", "<=", "!=")),
                Arguments.of(
                        new ThresholdFunction(),
                        "core.threshold",
                        List.of(required("value", NUMBER)),
                        List.of(output("inRange", BOOLEAN)),
                        List.of("min", "max", "value")),
                Arguments.of(
                        delay,
                        "core.delay",
                        List.of(optional("value", JSON)),
                        List.of(output("value", JSON)),
                        List.of("ms", "value")),
                Arguments.of(
                        new LogFunction(),
                        "core.log",
                        List.of(required("value", JSON)),
                        List.of(output("value", JSON)),
                        List.of("value")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("functions")
    void matchesApiMd(
            PipelineFunction function,
            String id,
            List<PortDescriptor> inputs,
            List<PortDescriptor> outputs,
            List<String> schemaMentions) {
        FunctionDescriptor descriptor = function.descriptor();

        assertThat(descriptor.id()).isEqualTo(id);
        assertThat(descriptor.deviceType()).isNull();
        assertThat(descriptor.inputs()).containsExactlyElementsOf(inputs);
        assertThat(descriptor.outputs()).containsExactlyElementsOf(outputs);
        assertThat(descriptor.paramsSchema())
                .contains(schemaMentions.stream().map(s -> '"' + s + '"').toList());
    }

    @Test
    void requiredParamsAreRequiredInTheSchema() {
        assertThat(new ConstantFunction().descriptor().paramsSchema()).contains("\"required\": [\"value\"]");
        assertThat(new CompareFunction().descriptor().paramsSchema()).contains("\"required\": [\"op\"]");
        DelayFunction delay = new DelayFunction();
        delay.deactivate();
        assertThat(delay.descriptor().paramsSchema()).contains("\"required\": [\"ms\"]", "\"minimum\": 0");
    }
}
