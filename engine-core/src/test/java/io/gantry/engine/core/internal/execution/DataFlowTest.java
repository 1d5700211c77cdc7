package io.gantry.engine.core.internal.execution;

import static io.gantry.engine.core.internal.execution.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.api.pipeline.RetrySpec;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataFlowTest {
    private final EngineFixture fixture = new EngineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void diamondDeliversValuesAlongEdges() throws Exception {
        fixture.function(Fakes.sum("sum"))
                .node("src", "sum", Map.of("a", 1, "b", 2))
                .node("left", "sum", Map.of("b", 10))
                .node("right", "sum", Map.of("b", 100))
                .node("join", "sum", Map.of())
                .edge("src.result", "left.a")
                .edge("src.result", "right.a")
                .edge("left.result", "join.a")
                .edge("right.result", "join.b");

        ExecutionRecord record = await(fixture.engine().start(fixture.plan(), 3, Map.of()));

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.nodes().get("join").outputs()).containsEntry("result", 116.0);
        assertThat(record.nodes().get("join").inputs()).containsEntry("a", 13.0).containsEntry("b", 103.0);
        assertThat(record.nodes().get("src").plugin()).isEqualTo("test.plugin");
        assertThat(record.pipelineVersion()).isEqualTo(3);
        assertThat(record.done()).isEqualTo(4);
        assertThat(record.total()).isEqualTo(4);
        assertThat(record.finishedAt()).isNotNull();
        assertThat(record.durationMs()).isNotNull();
        assertThat(record.error()).isNull();
    }

    @Test
    void runsThousandNodeChain() throws Exception {
        fixture.function(Fakes.pass("pass")).node("n0", "pass", Map.of("in", 7));
        for (int i = 1; i < 1000; i++) {
            fixture.node("n" + i, "pass", Map.of()).edge("n" + (i - 1) + ".out", "n" + i + ".in");
        }

        ExecutionRecord record = await(fixture.engine().start(fixture.plan(), 1, Map.of()));

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.done()).isEqualTo(1000);
        assertThat(record.nodes().get("n999").outputs()).containsEntry("out", 7);
    }

    @Test
    void runsThousandWideFanOutAndFanIn() throws Exception {
        fixture.function(Fakes.sum("sum"))
                .function(Fakes.collect("collect", 1000))
                .node("src", "sum", Map.of("a", 1, "b", 0))
                .node("join", "collect", Map.of());
        for (int i = 0; i < 1000; i++) {
            fixture.node("w" + i, "sum", Map.of("b", i))
                    .edge("src.result", "w" + i + ".a")
                    .edge("w" + i + ".result", "join.i" + i);
        }

        ExecutionRecord record = await(fixture.engine().start(fixture.plan(), 1, Map.of()));

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        // sum over i of (1 + i) = 1000 + 499500
        assertThat(record.nodes().get("join").outputs()).containsEntry("result", 500_500.0);
    }

    @Test
    void independentBranchesOverlap() throws Exception {
        Fakes.Overlap overlap = new Fakes.Overlap();
        fixture.function(Fakes.delayed("wait", null, fixture.scheduler, 50, overlap))
                .function(Fakes.collect("collect", 4))
                .node("join", "collect", Map.of());
        for (int i = 0; i < 4; i++) {
            fixture.node("b" + i, "wait", Map.of("in", 1)).edge("b" + i + ".out", "join.i" + i);
        }

        ExecutionRecord record = await(fixture.engine().start(fixture.plan(), 1, Map.of()));

        assertThat(record.nodes().get("join").outputs()).containsEntry("result", 4.0);
        // all four were waiting at once; how long that takes is bench/'s ParallelBranchesBenchmark
        assertThat(overlap.most()).isEqualTo(4);
    }

    @Test
    void aThousandNodeChainHandsItsValueDownToTheLastNode() throws Exception {
        int nodes = 1000;
        fixture.function(Fakes.pass("pass")).node("n0", "pass", Map.of("in", 1));
        for (int i = 1; i < nodes; i++) {
            fixture.node("n" + i, "pass", Map.of()).edge("n" + (i - 1) + ".out", "n" + i + ".in");
        }

        // no recording listener: a thousand nodes' events would say nothing more here
        ExecutionRecord record = await(
                fixture.engine(EngineConfig.DEFAULTS, ExecutionListener.NONE).start(fixture.plan(), 1, Map.of()));

        // what each node costs is bench/'s ChainBenchmark
        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.done()).isEqualTo(nodes);
        assertThat(record.nodes().get("n" + (nodes - 1)).outputs()).containsEntry("out", 1);
    }

    @Test
    void boundsNodesInFlightAcrossExecutions() throws Exception {
        Fakes.Overlap overlap = new Fakes.Overlap();
        fixture.function(Fakes.delayed("wait", null, fixture.scheduler, 10, overlap));
        for (int i = 0; i < 6; i++) {
            fixture.node("b" + i, "wait", Map.of());
        }
        ExecutionEngine engine = fixture.engine(new EngineConfig(2, 5_000, RetrySpec.NONE));
        ExecutionPlan plan = fixture.plan();

        ExecutionHandle first = engine.start(plan, 1, Map.of());
        ExecutionHandle second = engine.start(plan, 1, Map.of());

        assertThat(await(first).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(await(second).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(overlap.most()).isEqualTo(2);
    }

    @Test
    void runInputsFeedFreePortsAndOverrideConstants() throws Exception {
        fixture.function(Fakes.sum("sum")).node("s", "sum", Map.of("a", 1, "b", 2));

        ExecutionRecord record = await(fixture.engine().start(fixture.plan(), 1, Map.of("s.b", 40)));

        assertThat(record.nodes().get("s").outputs()).containsEntry("result", 41.0);
        assertThat(record.nodes().get("s").status()).isEqualTo(NodeStatus.SUCCEEDED);
    }

    @Test
    void rejectsRunInputsForUnknownOrEdgeFedPorts() {
        fixture.function(Fakes.pass("pass"))
                .node("a", "pass", Map.of())
                .node("b", "pass", Map.of())
                .edge("a.out", "b.in");
        ExecutionEngine engine = fixture.engine();
        ExecutionPlan plan = fixture.plan();

        assertThatThrownBy(() -> engine.start(plan, 1, Map.of("b.in", 1, "a.nope", 2, "x", 3)))
                .isInstanceOfSatisfying(
                        PipelineValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.path() + " " + p.code())
                                .containsExactlyInAnyOrder(
                                        "inputs.b.in duplicate-input",
                                        "inputs.a.nope unknown-port",
                                        "inputs.x unknown-input"));
        assertThat(engine.running()).isEmpty();
    }

    @Test
    void emptyPipelineSucceedsAtOnce() throws Exception {
        ExecutionHandle handle = fixture.engine().start(fixture.plan(), 1, Map.of());

        assertThat(await(handle).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(fixture.events.of(handle.id())).containsExactly("started 0", "ended SUCCEEDED");
    }
}
