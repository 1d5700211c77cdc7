package io.gantry.engine.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.pipeline.EdgeDefinition;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineInput;
import io.gantry.engine.api.pipeline.PipelineOutput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Declared inputs and outputs: names, types, defaults, and the ports they name. */
class PipelineInterfaceValidationTest {
    private final PipelineValidator validator = TestCatalog.validator();

    private static PipelineDefinition adder(List<PipelineInput> inputs, List<PipelineOutput> outputs) {
        return new PipelineDefinition(
                        "p",
                        "p",
                        null,
                        List.of(
                                NodeDefinition.of("add", "core.add", Map.of()),
                                NodeDefinition.of("k", "core.constant", Map.of("value", 1))),
                        List.of(new EdgeDefinition("k.value", "add.b")))
                .withInterface(inputs, outputs);
    }

    @Test
    void aDeclaredInputFeedsARequiredPortAndAnOutputNamesAPort() {
        var plan = validator.validate(adder(
                List.of(new PipelineInput("x", PortType.INTEGER, 5, List.of("add.a"), "how many")),
                List.of(new PipelineOutput("sum", "add.result", null))));

        assertThat(plan.inputs()).extracting(PipelineInput::name).containsExactly("x");
        assertThat(plan.outputs()).extracting(PipelineOutput::from).containsExactly("add.result");
    }

    @Test
    void everyInterfaceProblemIsNamedAtOnce() {
        PipelineDefinition wrong = adder(
                List.of(
                        new PipelineInput("x", PortType.STRING, null, List.of("add.a"), null),
                        new PipelineInput("x", PortType.NUMBER, "ten", List.of("add.b", "nowhere.in", "add.c"), null),
                        new PipelineInput("a.b", PortType.NUMBER, null, List.of(), null)),
                List.of(new PipelineOutput("sum", "add.nope", null), new PipelineOutput("sum", "ghost.out", null)));

        assertThatThrownBy(() -> validator.validate(wrong))
                .isInstanceOfSatisfying(
                        PipelineValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.path() + " " + p.code())
                                .containsExactlyInAnyOrder(
                                        "inputs[0].to[0] type-mismatch",
                                        "inputs[1].name duplicate-name",
                                        "inputs[1].default type-mismatch",
                                        "inputs[1].to[0] duplicate-input",
                                        "inputs[1].to[1] unknown-node",
                                        "inputs[1].to[2] unknown-port",
                                        "inputs[2].name invalid-name",
                                        "outputs[0].from unknown-port",
                                        "outputs[1].name duplicate-name",
                                        "outputs[1].from unknown-node"));
    }
}
