package io.gantry.core.functions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.plugin.testkit.TestInvocation;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PureFunctionsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static Map<String, Object> call(
            PipelineFunction function, Map<String, Object> inputs, Map<String, Object> params) {
        return function.invoke(
                        TestInvocation.pure().node("node-3").inputs(inputs).params(params))
                .toCompletableFuture()
                .join();
    }

    private static void assertInvalid(
            PipelineFunction function, Map<String, Object> inputs, Map<String, Object> params, String messagePart) {
        assertThat(function.invoke(
                        TestInvocation.pure().node("node-3").inputs(inputs).params(params)))
                .failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(InvalidConfigException.class)
                .withMessageContaining("node-3")
                .withMessageContaining(messagePart);
    }

    @Test
    void constantOutputsItsValueParam() {
        Map<String, Object> value = Map.of("x", List.of(1, 2));

        assertThat(call(new ConstantFunction(), Map.of(), Map.of("value", value)))
                .containsEntry("value", value);
    }

    @Test
    void constantMayBeJsonNull() {
        Map<String, Object> params = new HashMap<>();
        params.put("value", null);

        assertThat(call(new ConstantFunction(), Map.of(), params)).containsEntry("value", null);
    }

    @Test
    void constantWithoutValueFails() {
        assertInvalid(new ConstantFunction(), Map.of(), Map.of(), "'value'");
    }

    @Test
    void addKeepsWholeNumbersWhole() {
        assertThat(call(new AddFunction(), Map.of("a", 2, "b", 3L), Map.of())).containsEntry("result", 5L);
        assertThat(call(new AddFunction(), Map.of("a", 2, "b", 0.5), Map.of())).containsEntry("result", 2.5);
    }

    @Test
    void addFallsBackToFloatingPointOnOverflow() {
        assertThat(call(new AddFunction(), Map.of("a", Long.MAX_VALUE, "b", 1), Map.of()))
                .containsEntry("result", (double) Long.MAX_VALUE + 1);
    }

    @Test
    void multiplyMultiplies() {
        assertThat(call(new MultiplyFunction(), Map.of("a", 4, "b", -3), Map.of()))
                .containsEntry("result", -12L);
        assertThat(call(new MultiplyFunction(), Map.of("a", 1.5, "b", 2), Map.of()))
                .containsEntry("result", 3.0);
    }

    @Test
    void arithmeticWithoutANumberFails() {
        assertInvalid(new AddFunction(), Map.of("a", 1, "b", "two"), Map.of(), "input 'b'");
        assertInvalid(new MultiplyFunction(), Map.of("b", 1), Map.of(), "input 'a'");
    }

    @ParameterizedTest(name = "{0} {1} {2} is {3}")
    @CsvSource({
        "1, <, 2, true", "2, <, 2, false",
        "2, <=, 2, true", "3, <=, 2, false",
        "2, ==, 2.0, true", "2, ==, 2.5, false",
        "2, !=, 2.5, true", "2, !=, 2, false",
        "2, >=, 2, true", "1, >=, 2, false",
        "3, >, 2, true", "2, >, 2, false"
    })
    void compareAppliesItsOperator(double a, String op, double b, boolean expected) {
        assertThat(call(new CompareFunction(), Map.of("a", a, "b", b), Map.of("op", op)))
                .containsEntry("result", expected);
    }

    @Test
    void compareRejectsAnUnknownOperator() {
        assertInvalid(new CompareFunction(), Map.of("a", 1, "b", 2), Map.of("op", "=<"), "'op'");
    }

    @ParameterizedTest(name = "{0} in [{1}, {2}] is {3}")
    @CsvSource({
        "10, 10, 20, true", // lower edge included
        "20, 10, 20, true", // upper edge included
        "9.999, 10, 20, false",
        "20.001, 10, 20, false",
        "15, , 20, true", // no lower bound
        "-1e300, , 20, true",
        "25, 10, , true", // no upper bound
        "5, 10, , false",
        "5, , , true", // no bounds at all
        "7, 7, 7, true" // a single point
    })
    void thresholdIncludesBothEdges(double value, Double min, Double max, boolean expected) {
        Map<String, Object> params = new HashMap<>();
        if (min != null) {
            params.put("min", min);
        }
        if (max != null) {
            params.put("max", max);
        }

        assertThat(call(new ThresholdFunction(), Map.of("value", value), params))
                .containsEntry("inRange", expected);
    }

    @Test
    void thresholdRejectsSwappedBounds() {
        assertInvalid(new ThresholdFunction(), Map.of("value", 1), Map.of("min", 5, "max", 1), "above 'max'");
    }

    @Test
    void logPassesTheValueOn() {
        assertThat(call(new LogFunction(), Map.of("value", "hello"), Map.of())).containsEntry("value", "hello");
    }
}
