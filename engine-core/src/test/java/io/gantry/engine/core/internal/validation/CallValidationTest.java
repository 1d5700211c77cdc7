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
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.core.internal.plan.CallTarget;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code core.call}: ports from the called pipeline, pinned versions, cycles, depth, and what is not stored. */
class CallValidationTest {
    private final Map<String, PipelineVersion> stored = new HashMap<>();
    private final PipelineValidator validator = new PipelineValidator(
            id -> Optional.ofNullable(TestCatalog.functions().get(id)),
            id -> Optional.empty(),
            TestCatalog.REQUIRED_CHECKER,
            target -> Optional.ofNullable(stored.get(target.pipelineId()))
                    .filter(v -> target.version() == null || v.version() == target.version()));

    /** A pipeline {@code id} adding 1 to its number input {@code x}, giving {@code sum}. */
    private void storeAdder(String id, int version) {
        PipelineDefinition adder = new PipelineDefinition(
                        id, id, null, List.of(NodeDefinition.of("add", "core.add", Map.of("b", 1))), List.of())
                .withInterface(
                        List.of(new PipelineInput("x", PortType.NUMBER, null, List.of("add.a"), null)),
                        List.of(new PipelineOutput("sum", "add.result", null)));
        stored.put(id, new PipelineVersion(id, version, Instant.EPOCH, adder));
    }

    private static NodeDefinition call(String nodeId, String pipeline, Map<String, Object> more) {
        Map<String, Object> params = new HashMap<>(more);
        params.put("pipeline", pipeline);
        return NodeDefinition.of(nodeId, CallTarget.FUNCTION_ID, params);
    }

    private static PipelineDefinition pipeline(String id, List<NodeDefinition> nodes, List<EdgeDefinition> edges) {
        return new PipelineDefinition(id, id, null, nodes, edges);
    }

    @Test
    void aCallNodeHasTheCalledPipelinesInputsAndOutputsAndPinsTheVersionThatValidated() {
        storeAdder("adder", 3);
        ExecutionPlan plan = validator.validate(pipeline(
                "main",
                List.of(call("twice", "adder", Map.of("x", 1)), NodeDefinition.of("more", "core.add", Map.of("b", 2))),
                List.of(new EdgeDefinition("twice.sum", "more.a"))));

        PlanNode twice = plan.node("twice").orElseThrow();
        assertThat(twice.function().input("x").type()).isEqualTo(PortType.NUMBER);
        assertThat(twice.function().input("x").required()).isTrue();
        assertThat(twice.function().output("sum").type()).isEqualTo(PortType.NUMBER);
        assertThat(twice.definition().params()).containsEntry("version", 3);
        assertThat(plan.callsPipelines()).isTrue();
    }

    @Test
    void typesAreCheckedAcrossTheCall() {
        storeAdder("adder", 1);
        PipelineDefinition main = pipeline(
                "main",
                List.of(
                        NodeDefinition.of("c", "core.compare", Map.of("a", 1, "b", 2, "op", "<")),
                        call("add", "adder", Map.of()),
                        call("missing", "adder", Map.of())),
                List.of(new EdgeDefinition("c.result", "add.x")));

        assertThatThrownBy(() -> validator.validate(main))
                .isInstanceOfSatisfying(
                        PipelineValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.path() + " " + p.code())
                                .containsExactlyInAnyOrder(
                                        "edges[0].to type-mismatch", "nodes[2].params.x missing-input"));
    }

    @Test
    void aCallCycleIsRefusedWithItsPath() {
        stored.put(
                "b",
                new PipelineVersion(
                        "b", 1, Instant.EPOCH, pipeline("b", List.of(call("back", "a", Map.of())), List.of())));

        assertThatThrownBy(() -> validator.validate(pipeline("a", List.of(call("to-b", "b", Map.of())), List.of())))
                .isInstanceOfSatisfying(
                        PipelineValidationException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.path()).isEqualTo("nodes[0].params.pipeline");
                            assertThat(p.code()).isEqualTo(ProblemCodes.CALL_CYCLE);
                            assertThat(p.message()).contains("call cycle: a -> b -> a");
                        }));
        assertThatThrownBy(() -> validator.validate(pipeline("a", List.of(call("self", "a", Map.of())), List.of())))
                .hasMessageContaining("call cycle: a -> a");
    }

    @Test
    void callsNestAtMostEightLevels() {
        for (int level = 1; level <= CallTarget.MAX_DEPTH; level++) {
            String id = "p" + level;
            List<NodeDefinition> nodes = level == CallTarget.MAX_DEPTH
                    ? List.of(NodeDefinition.of("leaf", "test.pass", Map.of()))
                    : List.of(call("down", "p" + (level + 1), Map.of()));
            stored.put(id, new PipelineVersion(id, 1, Instant.EPOCH, pipeline(id, nodes, List.of())));
        }

        assertThat(validator.validate(stored.get("p1").definition()).nodeCount())
                .isEqualTo(1);
        assertThatThrownBy(() -> validator.validate(pipeline("top", List.of(call("down", "p1", Map.of())), List.of())))
                .isInstanceOfSatisfying(
                        PipelineValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.code())
                                .containsExactly(ProblemCodes.CALL_TOO_DEEP));
    }

    @Test
    void aMissingPipelineOrVersionAndAMalformedCallAreNamed() {
        storeAdder("adder", 2);
        PipelineDefinition main = pipeline(
                "main",
                List.of(
                        call("gone", "nowhere", Map.of()),
                        call("old", "adder", Map.of("version", 1, "x", 1)),
                        NodeDefinition.of("none", CallTarget.FUNCTION_ID, Map.of()),
                        call("bad-version", "adder", Map.of("version", "two"))),
                List.of());

        assertThatThrownBy(() -> validator.validate(main))
                .isInstanceOfSatisfying(
                        PipelineValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.path() + " " + p.code())
                                .containsExactlyInAnyOrder(
                                        "nodes[0].params.pipeline unknown-pipeline",
                                        "nodes[1].params.version unknown-pipeline",
                                        "nodes[2].params.pipeline invalid-call",
                                        "nodes[3].params.pipeline invalid-call"));
    }

    @Test
    void aCalledPipelineThatDoesNotValidateNowIsNamedWithItsProblem() {
        stored.put(
                "broken",
                new PipelineVersion(
                        "broken",
                        4,
                        Instant.EPOCH,
                        pipeline("broken", List.of(NodeDefinition.of("x", "vendor.gone", Map.of())), List.of())));

        assertThatThrownBy(() ->
                        validator.validate(pipeline("main", List.of(call("c", "broken", Map.of())), List.of())))
                .isInstanceOfSatisfying(
                        PipelineValidationException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.code()).isEqualTo(ProblemCodes.CALLED_PIPELINE_INVALID);
                            assertThat(p.message())
                                    .contains("broken v4")
                                    .contains("nodes[0].function: unknown function 'vendor.gone'");
                        }));
    }
}
