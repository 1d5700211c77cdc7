package io.gantry.engine.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gantry.engine.api.error.CircularDependencyException;
import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.pipeline.EdgeDefinition;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.RetrySpec;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class PipelineValidatorTest {
    private final PipelineValidator validator = TestCatalog.validator();

    private static NodeDefinition node(String id, String function, Map<String, Object> params) {
        return NodeDefinition.of(id, function, params);
    }

    private static NodeDefinition device(String id, String function, String device, Map<String, Object> params) {
        return new NodeDefinition(id, function, device, params, null, null);
    }

    private static EdgeDefinition edge(String from, String to) {
        return new EdgeDefinition(from, to);
    }

    private static PipelineDefinition pipeline(List<NodeDefinition> nodes, List<EdgeDefinition> edges) {
        return new PipelineDefinition("p1", "test", null, nodes, edges);
    }

    private List<Problem> problemsOf(PipelineDefinition definition) {
        return catchThrowableOfType(PipelineValidationException.class, () -> validator.validate(definition))
                .problems();
    }

    private static Problem problem(String path, String code) {
        return new Problem(path, code, "ignored");
    }

    private static List<Problem> withoutMessages(List<Problem> problems) {
        return problems.stream().map(p -> problem(p.path(), p.code())).toList();
    }

    @Test
    void compilesDiamondInTopologicalOrderWithLinksAndConstants() {
        ExecutionPlan plan = validator.validate(pipeline(
                List.of(
                        node("sum", "core.add", Map.of()),
                        node("left", "core.add", Map.of("b", 1)),
                        node("src", "core.add", Map.of("a", 1, "b", 2)),
                        node("right", "core.add", Map.of("b", 2))),
                List.of(
                        edge("src.result", "left.a"),
                        edge("src.result", "right.a"),
                        edge("left.result", "sum.a"),
                        edge("right.result", "sum.b"))));

        assertThat(plan.nodes()).extracting(PlanNode::id).containsExactly("src", "left", "right", "sum");
        assertThat(plan.nodeCount()).isEqualTo(4);
        assertThat(plan.functionIds()).containsExactly("core.add");
        PlanNode sum = plan.node("sum").orElseThrow();
        assertThat(sum.incoming())
                .extracting(e -> e.fromNode() + ":" + e.toPort() + ":" + e.toSlot())
                .containsExactly("1:a:0", "2:b:1");
        assertThat(plan.node("src").orElseThrow().outgoing()).hasSize(2);
        assertThat(plan.node("left").orElseThrow().constants()).isEqualTo(Map.of("b", 1));
    }

    @Test
    void reportsNodeProblemsAtTheirPaths() {
        List<Problem> problems = problemsOf(pipeline(
                List.of(
                        node("", "core.constant", Map.of()),
                        node("a", "core.constant", Map.of()),
                        node("a", "core.constant", Map.of()),
                        node("b", "no.such", Map.of()),
                        device("c", "core.constant", "axis-1", Map.of()),
                        node("d", "servo.move_to", Map.of("position", 1)),
                        device("e", "servo.move_to", "ghost", Map.of("position", 1)),
                        device("f", "servo.move_to", "camera-1", Map.of("position", 1)),
                        node("g", "core.compare", Map.of("a", 1, "b", 2))),
                List.of()));

        assertThat(withoutMessages(problems))
                .containsExactly(
                        problem("nodes[0].id", ProblemCodes.MISSING_ID),
                        problem("nodes[2].id", ProblemCodes.DUPLICATE_NODE),
                        problem("nodes[3].function", ProblemCodes.UNKNOWN_FUNCTION),
                        problem("nodes[4].device", ProblemCodes.UNEXPECTED_DEVICE),
                        problem("nodes[5].device", ProblemCodes.MISSING_DEVICE),
                        problem("nodes[6].device", ProblemCodes.UNKNOWN_DEVICE),
                        problem("nodes[7].device", ProblemCodes.WRONG_DEVICE_TYPE),
                        problem("nodes[8].params.op", "schema"));
        assertThat(problems.get(6).message()).contains("'camera'", "'mock-servo'");
    }

    @Test
    void reportsEdgeProblemsAtTheirPaths() {
        List<Problem> problems = problemsOf(pipeline(
                List.of(
                        node("n", "test.count", Map.of()),
                        node("c", "core.compare", Map.of("op", "<", "b", 1)),
                        node("s", "core.add", Map.of("b", 1)),
                        node("t", "core.add", Map.of())),
                List.of(
                        edge("nodot", "s.a"),
                        edge("ghost.out", "s.a"),
                        edge("n.nope", "t.zz"),
                        edge("c.result", "t.a"),
                        edge("n.n", "c.a"),
                        edge("n.n", "c.b"),
                        edge("n.n", "t.b"),
                        edge("n.n", "t.b"))));

        assertThat(withoutMessages(problems))
                .containsExactly(
                        problem("edges[0].from", ProblemCodes.UNKNOWN_NODE),
                        problem("edges[1].from", ProblemCodes.UNKNOWN_PORT),
                        problem("edges[2].from", ProblemCodes.UNKNOWN_PORT),
                        problem("edges[2].to", ProblemCodes.UNKNOWN_PORT),
                        problem("edges[3].to", ProblemCodes.TYPE_MISMATCH),
                        problem("edges[7].to", ProblemCodes.DUPLICATE_INPUT),
                        problem("nodes[1].params.b", ProblemCodes.DUPLICATE_INPUT),
                        problem("nodes[2].params.a", ProblemCodes.MISSING_INPUT));
        assertThat(problems.get(4).message()).contains("boolean", "number");
    }

    @Test
    void integerFeedsNumberAndAnythingFeedsJson() {
        ExecutionPlan plan = validator.validate(pipeline(
                List.of(
                        node("n", "test.count", Map.of()),
                        node("s", "core.add", Map.of("b", 1.5)),
                        node("p", "test.pass", Map.of())),
                List.of(edge("n.n", "s.a"), edge("s.result", "p.in"))));
        assertThat(plan.nodeCount()).isEqualTo(3);
    }

    @Test
    void reportsConstantOfWrongTypeAndBadRetryAndTimeout() {
        List<Problem> problems = problemsOf(pipeline(
                List.of(
                        node("s", "core.add", Map.of("a", "one", "b", 2)),
                        new NodeDefinition("t", "core.constant", null, Map.of(), new RetrySpec(500, 10, 1, 0, 0), 0L)),
                List.of()));

        assertThat(withoutMessages(problems))
                .containsExactly(
                        problem("nodes[0].params.a", ProblemCodes.TYPE_MISMATCH),
                        problem("nodes[1].retry.maxAttempts", ProblemCodes.INVALID_RETRY),
                        problem("nodes[1].timeoutMs", ProblemCodes.INVALID_TIMEOUT));
        assertThat(problems.get(0).message()).contains("'one'", "number");
    }

    @Test
    void reportsCycleNamingItsPathTogetherWithOtherProblems() {
        CircularDependencyException error = catchThrowableOfType(
                CircularDependencyException.class,
                () -> validator.validate(pipeline(
                        List.of(
                                node("a", "test.pass", Map.of()),
                                node("b", "test.pass", Map.of()),
                                node("c", "test.pass", Map.of()),
                                node("x", "no.such", Map.of())),
                        List.of(edge("a.out", "b.in"), edge("b.out", "c.in"), edge("c.out", "a.in")))));

        assertThat(error.cycle()).containsExactly("a", "b", "c", "a");
        assertThat(error.problems())
                .extracting(Problem::code)
                .containsExactly(ProblemCodes.UNKNOWN_FUNCTION, ProblemCodes.CYCLE);
        assertThat(error.problems().get(1).message()).isEqualTo("cycle: a -> b -> c -> a");
        assertThat(error.getMessage()).contains("a -> b -> c -> a");
    }

    @Test
    void reportsEachSeparateCycle() {
        CircularDependencyException error = catchThrowableOfType(
                CircularDependencyException.class,
                () -> validator.validate(pipeline(
                        List.of(
                                node("a", "test.pass", Map.of()), node("b", "test.pass", Map.of()),
                                node("x", "test.pass", Map.of()), node("y", "test.pass", Map.of())),
                        List.of(
                                edge("y.out", "x.in"),
                                edge("x.out", "y.in"),
                                edge("a.out", "b.in"),
                                edge("b.out", "a.in")))));

        assertThat(error.problems())
                .extracting(Problem::path, Problem::message)
                .containsExactly(
                        Tuple.tuple("nodes[0]", "cycle: a -> b -> a"), Tuple.tuple("nodes[2]", "cycle: x -> y -> x"));
        assertThat(error.cycle()).containsExactly("a", "b", "a");
    }

    @Test
    void reportsSelfLoopAsCycle() {
        assertThatThrownBy(() -> validator.validate(
                        pipeline(List.of(node("a", "test.pass", Map.of())), List.of(edge("a.out", "a.in")))))
                .isInstanceOf(CircularDependencyException.class)
                .hasMessageContaining("a -> a");
    }

    @Test
    void validatesThousandNodeChain() {
        List<NodeDefinition> nodes = new ArrayList<>();
        List<EdgeDefinition> edges = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            nodes.add(node("n" + i, "test.pass", Map.of()));
            if (i > 0) {
                edges.add(edge("n" + (i - 1) + ".out", "n" + i + ".in"));
            }
        }
        ExecutionPlan plan = validator.validate(pipeline(nodes, edges));
        assertThat(plan.nodes().get(999).id()).isEqualTo("n999");
    }

    @Test
    void validatesThousandWideFanOutAndFanIn() {
        List<NodeDefinition> nodes = new ArrayList<>(List.of(node("src", "test.pass", Map.of())));
        List<EdgeDefinition> edges = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            nodes.add(node("w" + i, "test.pass", Map.of()));
            edges.add(edge("src.out", "w" + i + ".in"));
        }
        ExecutionPlan plan = validator.validate(pipeline(nodes, edges));
        assertThat(plan.nodes().get(0).outgoing()).hasSize(1000);
    }
}
