package io.gantry.engine.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gantry.engine.api.error.CircularDependencyException;
import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.pipeline.EdgeDefinition;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.plan.PlanEdge;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Order edges, conditions, joins and failure paths at save: what compiles and every problem named. */
class SequencingValidationTest {
    private final PipelineValidator validator = TestCatalog.validator();

    private static NodeDefinition pass(String id) {
        return NodeDefinition.of(id, "test.pass", Map.of());
    }

    /** A node with a boolean output {@code result}. */
    private static NodeDefinition check(String id) {
        return NodeDefinition.of(id, "core.compare", Map.of("op", "<", "a", 1, "b", 2));
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

    @Test
    void compilesOrderEdgesConditionsAndFailurePathsAsDependencies() {
        ExecutionPlan plan = validator.validate(pipeline(
                List.of(
                        pass("axis.home"),
                        check("weigh"),
                        pass("axis.move").withWhen("!weigh.result"),
                        pass("alarm"),
                        pass("done").withJoin("any")),
                List.of(
                        edge("axis.home", "axis.move"),
                        edge("axis.home.out", "axis.move.in"),
                        new EdgeDefinition("axis.move", "alarm", "failure"),
                        edge("axis.move.out", "done.in"),
                        edge("alarm.out", "done.in"))));

        PlanNode move = plan.node("axis.move").orElseThrow();
        assertThat(move.incoming())
                .extracting(e ->
                        plan.nodes().get(e.fromNode()).id() + ":" + e.kind() + ":" + e.fromPort() + ":" + e.toPort())
                .containsExactly(
                        "axis.home:AFTER_SUCCESS:null:null", "axis.home:DATA:out:in", "weigh:WHEN:result:null");
        assertThat(move.whenSlot()).isEqualTo(2);
        assertThat(move.whenNegated()).isTrue();
        assertThat(move.hasFailurePath()).isTrue();
        assertThat(plan.node("alarm").orElseThrow().incoming())
                .extracting(PlanEdge::kind)
                .containsExactly(PlanEdge.Kind.AFTER_FAILURE);
        assertThat(plan.node("done").orElseThrow().joinsAny()).isTrue();
        assertThat(plan.sequenced()).isTrue();
        assertThat(plan.nodes()).extracting(PlanNode::id).containsSubsequence("weigh", "axis.move", "alarm", "done");
    }

    @Test
    void plainDataPipelineIsNotSequenced() {
        ExecutionPlan plan = validator.validate(
                pipeline(List.of(pass("a"), pass("b")), List.of(edge("a.out", "b.in"), edge("a", "b"))));
        assertThat(plan.sequenced()).isFalse();
    }

    @Test
    void reportsEverySequencingProblemAtOnceWithItsPath() {
        List<Problem> problems = problemsOf(pipeline(
                List.of(
                        pass("home"),
                        pass("move"),
                        check("weigh"),
                        pass("a").withWhen("ghost.result"),
                        pass("b").withWhen("weigh.nope"),
                        pass("c").withWhen("home.out"),
                        pass("d").withWhen("!"),
                        pass("e").withJoin("some"),
                        NodeDefinition.of("n", "test.count", Map.of()),
                        pass("f").withWhen("n.n")),
                List.of(
                        edge("home", "mvoe"),
                        edge("home", "move.in"),
                        new EdgeDefinition("home.out", "move.in", "failure"),
                        new EdgeDefinition("home", "move", "always"),
                        edge("ghost", "move"))));

        assertThat(problems)
                .extracting(Problem::path, Problem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("edges[0].to", ProblemCodes.UNKNOWN_NODE),
                        org.assertj.core.groups.Tuple.tuple("edges[1].to", ProblemCodes.MIXED_EDGE),
                        org.assertj.core.groups.Tuple.tuple("edges[2].on", ProblemCodes.INVALID_EDGE_ON),
                        org.assertj.core.groups.Tuple.tuple("edges[3].on", ProblemCodes.INVALID_EDGE_ON),
                        org.assertj.core.groups.Tuple.tuple("edges[4].from", ProblemCodes.UNKNOWN_NODE),
                        org.assertj.core.groups.Tuple.tuple("nodes[3].when", ProblemCodes.UNKNOWN_NODE),
                        org.assertj.core.groups.Tuple.tuple("nodes[4].when", ProblemCodes.UNKNOWN_PORT),
                        org.assertj.core.groups.Tuple.tuple("nodes[5].when", ProblemCodes.CONDITION_NOT_BOOLEAN),
                        org.assertj.core.groups.Tuple.tuple("nodes[6].when", ProblemCodes.INVALID_WHEN),
                        org.assertj.core.groups.Tuple.tuple("nodes[7].join", ProblemCodes.INVALID_JOIN),
                        org.assertj.core.groups.Tuple.tuple("nodes[9].when", ProblemCodes.CONDITION_NOT_BOOLEAN));
        assertThat(problems.get(0).message()).isEqualTo("unknown node 'mvoe' (nor is it 'node.port')");
        assertThat(problems.get(1).message())
                .isEqualTo("edge joins node 'home' to port 'move.in': an order edge joins two node ids, a data edge"
                        + " two ports");
        assertThat(problems.get(2).message()).contains("only to order edges");
        assertThat(problems.get(3).message()).isEqualTo("'on' must be 'success' or 'failure', got 'always'");
        assertThat(problems.get(7).message()).isEqualTo("'when' needs a boolean output; 'home.out' is of type json");
        assertThat(problems.get(10).message()).contains("'n.n'", "integer");
    }

    @Test
    void reportsCycleThroughOrderEdgesWithItsPath() {
        CircularDependencyException error = catchThrowableOfType(
                CircularDependencyException.class,
                () -> validator.validate(pipeline(
                        List.of(pass("home"), pass("move"), pass("pick")),
                        List.of(edge("home", "move"), edge("move.out", "pick.in"), edge("pick", "home")))));

        assertThat(error.cycle()).containsExactly("home", "move", "pick", "home");
        assertThat(error.problems())
                .extracting(Problem::path, Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nodes[0]", ProblemCodes.CYCLE));
    }

    @Test
    void reportsCycleThroughACondition() {
        CircularDependencyException error = catchThrowableOfType(
                CircularDependencyException.class,
                () -> validator.validate(pipeline(
                        List.of(check("weigh").withWhen("gate.result"), check("gate")),
                        List.of(edge("weigh", "gate")))));

        assertThat(error.cycle()).containsExactly("weigh", "gate", "weigh");
    }

    @Test
    void reportsJoinAllOfExclusiveBranchesNamingBoth() {
        List<Problem> problems = problemsOf(pipeline(
                List.of(
                        check("weigh"),
                        pass("good").withWhen("weigh.result"),
                        pass("placeA"),
                        pass("reject").withWhen("!weigh.result"),
                        pass("done"),
                        pass("afterDone")),
                List.of(
                        edge("good", "placeA"),
                        edge("placeA.out", "done.in"),
                        edge("reject", "done"),
                        edge("done", "afterDone"))));

        assertThat(problems)
                .extracting(Problem::path, Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nodes[4]", ProblemCodes.EXCLUSIVE_BRANCHES));
        assertThat(problems.get(0).message())
                .isEqualTo("node 'done' needs both 'placeA' (runs only when weigh.result) and 'reject' (runs only"
                        + " when !weigh.result); they exclude each other, so it can never run (declare \"join\":"
                        + " \"any\" to take the branch that ran)");
    }

    @Test
    void reportsNodeWhoseConditionExcludesWhatItNeeds() {
        List<Problem> problems = problemsOf(pipeline(
                List.of(
                        check("weigh"),
                        pass("good").withWhen("weigh.result"),
                        pass("bad").withWhen("!weigh.result")),
                List.of(edge("good.out", "bad.in"))));

        assertThat(problems).extracting(Problem::path).containsExactly("nodes[2]");
        assertThat(problems.get(0).message())
                .startsWith("node 'bad' runs only when !weigh.result but needs 'good', which runs only when"
                        + " weigh.result");
    }

    @Test
    void acceptsJoinAnyOfExclusiveBranchesAndWhatFollowsIt() {
        ExecutionPlan plan = validator.validate(pipeline(
                List.of(
                        check("weigh"),
                        pass("good").withWhen("weigh.result"),
                        pass("reject").withWhen("!weigh.result"),
                        pass("done").withJoin(NodeDefinition.JOIN_ANY),
                        pass("next").withWhen("weigh.result")),
                List.of(edge("good.out", "done.in"), edge("reject.out", "done.in"), edge("done.out", "next.in"))));

        assertThat(plan.nodeCount()).isEqualTo(5);
    }

    @Test
    void joinAllStillRefusesTwoEdgesIntoOnePort() {
        List<Problem> problems = problemsOf(pipeline(
                List.of(pass("a"), pass("b"), pass("c")), List.of(edge("a.out", "c.in"), edge("b.out", "c.in"))));

        assertThat(problems)
                .extracting(Problem::path, Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("edges[1].to", ProblemCodes.DUPLICATE_INPUT));
    }

    @Test
    void reportsANodeNeedingBothTheSuccessAndTheFailurePathOfOneNode() {
        List<Problem> problems = problemsOf(pipeline(
                List.of(pass("pick"), pass("alarm"), pass("safe"), pass("place"), pass("report")),
                List.of(
                        new EdgeDefinition("pick", "alarm", EdgeDefinition.ON_FAILURE),
                        edge("alarm", "safe"),
                        edge("pick.out", "place.in"),
                        edge("safe.out", "report.in"),
                        edge("place", "report"))));

        assertThat(problems)
                .extracting(Problem::path, Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nodes[4]", ProblemCodes.EXCLUSIVE_BRANCHES));
        assertThat(problems.get(0).message())
                .startsWith("node 'report' needs both 'safe' (runs only when 'pick' failed) and 'place' (runs only"
                        + " when 'pick' succeeded)");
    }

    @Test
    void reportsAFailurePathWhoseConditionReadsTheNodeThatFailed() {
        // the alarm runs only when 'check' failed, and then 'check.result' never exists: it can never run
        List<Problem> problems = problemsOf(pipeline(
                List.of(check("check"), pass("alarm").withWhen("!check.result")),
                List.of(new EdgeDefinition("check", "alarm", EdgeDefinition.ON_FAILURE))));

        assertThat(problems).extracting(Problem::path).containsExactly("nodes[1]");
        assertThat(problems.get(0).message()).contains("'check'");
    }

    @Test
    void acceptsJoinAnyOfTheSuccessAndTheFailurePathOfOneNode() {
        ExecutionPlan plan = validator.validate(pipeline(
                List.of(pass("pick"), pass("alarm"), pass("place"), pass("next").withJoin(NodeDefinition.JOIN_ANY)),
                List.of(
                        new EdgeDefinition("pick", "alarm", EdgeDefinition.ON_FAILURE),
                        edge("pick.out", "place.in"),
                        edge("alarm", "next"),
                        edge("place", "next"))));

        assertThat(plan.nodeCount()).isEqualTo(4);
    }
}
