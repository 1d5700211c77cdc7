package io.gantry.engine.core.internal.execution;

import static io.gantry.engine.core.internal.execution.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.error.DeviceFaultException;
import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.Topics;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.execution.NodeRecord;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.api.execution.SkipReasons;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.RetrySpec;
import io.gantry.engine.core.internal.events.TestEvents;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/** Order edges, conditions, alternative joins and failure paths, end to end through the engine. */
class SequencingTest {
    private final EngineFixture fixture = new EngineFixture()
            .function(Fakes.pass("pass"))
            .function(Fakes.flag("flag"))
            .function(Fakes.failing("fail", Integer.MAX_VALUE, () -> new DeviceFaultException("gripper", "jammed")));

    @AfterEach
    void close() {
        fixture.close();
    }

    private static NodeDefinition pass(String id, Object in) {
        return NodeDefinition.of(id, "pass", in == null ? Map.of() : Map.of("in", in));
    }

    private static NodeDefinition flag(String id, boolean ok) {
        return NodeDefinition.of(id, "flag", Map.of("ok", ok));
    }

    private ExecutionRecord run() throws Exception {
        return await(fixture.engine().start(fixture.plan(), 1, Map.of()));
    }

    private static NodeRecord skipped(String reason, String branch) {
        return new NodeRecord(
                NodeStatus.SKIPPED, "pass", null, null, null, null, 0, Map.of(), Map.of(), null, reason, branch, 0);
    }

    @Test
    void orderEdgeStartsTargetOnlyAfterSourceSucceededAndJoinsDataEdges() throws Exception {
        fixture.node(pass("home", null))
                .node(pass("part", "p1"))
                .node(pass("move", null))
                .edge("home", "move")
                .edge("part.out", "move.in");

        ExecutionHandle handle = fixture.engine().start(fixture.plan(), 1, Map.of());
        ExecutionRecord record = await(handle);

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.nodes().get("move").outputs()).isEqualTo(Map.of("out", "p1"));
        List<String> lines = fixture.events.of(handle.id());
        assertThat(lines.indexOf("completed home")).isLessThan(lines.indexOf("executing move"));
        assertThat(lines.indexOf("completed part")).isLessThan(lines.indexOf("executing move"));
    }

    @Test
    void orderEdgeTargetIsSkippedWhenItsSourceFailsAndTheRunFails() throws Exception {
        fixture.node(NodeDefinition.of("home", "fail", Map.of()))
                .node(pass("move", null))
                .edge("home", "move");

        ExecutionRecord record = run();

        assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(record.nodes().get("move")).isEqualTo(skipped(SkipReasons.RUN_FAILED, null));
    }

    @Test
    void conditionRunsTrueBranchAndSkipsFalseBranchWithEverythingThatDependsOnlyOnIt() throws Exception {
        fixture.node(flag("weigh", true))
                .node(pass("place", "A").withWhen("weigh.ok"))
                .node(pass("reject", "R").withWhen("!weigh.ok"))
                .node(pass("afterReject", null))
                .node(pass("fedByReject", null))
                .node(pass("deeper", null))
                .node(pass("afterPlace", null))
                .edge("reject", "afterReject")
                .edge("reject.out", "fedByReject.in")
                .edge("fedByReject", "deeper")
                .edge("place", "afterPlace");

        ExecutionRecord record = run();

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        NodeRecord place = record.nodes().get("place");
        assertThat(place.status()).isEqualTo(NodeStatus.SUCCEEDED);
        assertThat(place.branch()).isEqualTo("weigh.ok");
        assertThat(place.reason()).isNull();
        assertThat(record.nodes().get("afterPlace").status()).isEqualTo(NodeStatus.SUCCEEDED);
        assertThat(record.nodes().get("reject")).isEqualTo(skipped(SkipReasons.CONDITION_FALSE, "!weigh.ok"));
        assertThat(record.nodes().get("afterReject")).isEqualTo(skipped(SkipReasons.UPSTREAM_SKIPPED, null));
        assertThat(record.nodes().get("fedByReject")).isEqualTo(skipped(SkipReasons.UPSTREAM_SKIPPED, null));
        assertThat(record.nodes().get("deeper")).isEqualTo(skipped(SkipReasons.UPSTREAM_SKIPPED, null));
        assertThat(record.done()).isEqualTo(7);
    }

    @Test
    void negatedConditionRunsWhenTheValueIsFalse() throws Exception {
        fixture.node(flag("weigh", false))
                .node(pass("place", "A").withWhen("weigh.ok"))
                .node(pass("reject", "R").withWhen("!weigh.ok"));

        ExecutionRecord record = run();

        assertThat(record.nodes().get("place")).isEqualTo(skipped(SkipReasons.CONDITION_FALSE, "weigh.ok"));
        assertThat(record.nodes().get("reject").status()).isEqualTo(NodeStatus.SUCCEEDED);
        assertThat(record.nodes().get("reject").branch()).isEqualTo("!weigh.ok");
    }

    @Test
    void conditionWhoseSourceWasSkippedSkipsAsUpstreamSkipped() throws Exception {
        fixture.node(flag("gate", false))
                .node(flag("weigh", true).withWhen("gate.ok"))
                .node(pass("place", null).withWhen("weigh.ok"));

        ExecutionRecord record = run();

        assertThat(record.nodes().get("place")).isEqualTo(skipped(SkipReasons.UPSTREAM_SKIPPED, null));
    }

    @Test
    void aLongChainAfterAFalseConditionIsSkippedToItsEnd() throws Exception {
        int length = 5_000;
        fixture.node(flag("weigh", false)).node(pass("n0", null).withWhen("weigh.ok"));
        for (int i = 1; i < length; i++) {
            fixture.node(pass("n" + i, null)).edge("n" + (i - 1), "n" + i);
        }

        ExecutionRecord record = run();

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.done()).isEqualTo(length + 1);
        assertThat(record.nodes().get("n0").reason()).isEqualTo(SkipReasons.CONDITION_FALSE);
        assertThat(record.nodes().get("n" + (length - 1))).isEqualTo(skipped(SkipReasons.UPSTREAM_SKIPPED, null));
    }

    @Test
    void joinAnyTakesTheValuesOfTheBranchThatRan() throws Exception {
        for (boolean ok : new boolean[] {true, false}) {
            fixture.nodes.clear();
            fixture.edges.clear();
            fixture.node(flag("weigh", ok))
                    .node(pass("place", "A").withWhen("weigh.ok"))
                    .node(pass("reject", "R").withWhen("!weigh.ok"))
                    .node(pass("done", null).withJoin(NodeDefinition.JOIN_ANY))
                    .edge("place.out", "done.in")
                    .edge("reject.out", "done.in");

            ExecutionRecord record = run();

            assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(record.nodes().get("done").status()).isEqualTo(NodeStatus.SUCCEEDED);
            assertThat(record.nodes().get("done").inputs()).isEqualTo(Map.of("in", ok ? "A" : "R"));
            assertThat(record.nodes().get("done").outputs()).isEqualTo(Map.of("out", ok ? "A" : "R"));
        }
    }

    @Test
    void joinAnyWithItsOwnConditionNeedsTheConditionAsWellAsOneBranch() throws Exception {
        fixture.node(flag("weigh", true))
                .node(flag("gate", false))
                .node(pass("place", "A").withWhen("weigh.ok"))
                .node(pass("reject", "R").withWhen("!weigh.ok"))
                .node(pass("done", null).withJoin(NodeDefinition.JOIN_ANY).withWhen("gate.ok"))
                .node(pass("doneAnyway", null).withJoin(NodeDefinition.JOIN_ANY).withWhen("!gate.ok"))
                .edge("place.out", "done.in")
                .edge("reject.out", "done.in")
                .edge("place.out", "doneAnyway.in")
                .edge("reject.out", "doneAnyway.in");

        ExecutionRecord record = run();

        assertThat(record.nodes().get("done")).isEqualTo(skipped(SkipReasons.CONDITION_FALSE, "gate.ok"));
        assertThat(record.nodes().get("doneAnyway").status()).isEqualTo(NodeStatus.SUCCEEDED);
        assertThat(record.nodes().get("doneAnyway").inputs()).isEqualTo(Map.of("in", "A"));
    }

    @Test
    void conditionWhoseSourceFailedIntoAFailurePathIsSkippedAsUpstreamFailed() throws Exception {
        fixture.function(new TestFunction(
                        Fakes.flag("brokenScale").descriptor(),
                        call -> CompletableFuture.failedFuture(new DeviceFaultException("scale", "no reading"))))
                .node(NodeDefinition.of("weigh", "brokenScale", Map.of()))
                .node(pass("alarm", null))
                .node(pass("place", null).withWhen("weigh.ok"))
                .edge("weigh", "alarm", "failure");

        ExecutionRecord record = run();

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.nodes().get("place")).isEqualTo(skipped(SkipReasons.UPSTREAM_FAILED, null));
        assertThat(record.nodes().get("alarm").status()).isEqualTo(NodeStatus.SUCCEEDED);
    }

    @Test
    void joinAnyIsSkippedWhenNoBranchRan() throws Exception {
        fixture.node(flag("weigh", true))
                .node(pass("a", "A").withWhen("!weigh.ok"))
                .node(pass("b", "B").withWhen("!weigh.ok"))
                .node(pass("done", null).withJoin(NodeDefinition.JOIN_ANY))
                .edge("a", "done")
                .edge("b", "done");

        ExecutionRecord record = run();

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.nodes().get("done")).isEqualTo(skipped(SkipReasons.UPSTREAM_SKIPPED, null));
    }

    @Test
    void failurePathRunsAfterRetriesAndTheRunSucceeds() throws Exception {
        fixture.node(new NodeDefinition("move", "fail", null, Map.of(), new RetrySpec(2, 0, 1, 0, 0), null))
                .node(pass("alarm", "part missing"))
                .node(pass("next", null))
                .edge("move", "alarm", "failure")
                .edge("move", "next");

        ExecutionRecord record = run();

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.error()).isNull();
        NodeRecord move = record.nodes().get("move");
        assertThat(move.status()).isEqualTo(NodeStatus.FAILED);
        assertThat(move.attempts()).isEqualTo(2);
        assertThat(move.error().code()).isEqualTo("device-fault");
        assertThat(move.error().message()).isEqualTo("jammed");
        assertThat(record.nodes().get("alarm").status()).isEqualTo(NodeStatus.SUCCEEDED);
        assertThat(record.nodes().get("next")).isEqualTo(skipped(SkipReasons.UPSTREAM_FAILED, null));
    }

    @Test
    void failingFailurePathFailsTheRun() throws Exception {
        fixture.node(NodeDefinition.of("move", "fail", Map.of()))
                .node(NodeDefinition.of("alarm", "fail", Map.of()))
                .edge("move", "alarm", "failure");

        ExecutionRecord record = run();

        assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(record.error().nodeId()).isEqualTo("alarm");
        assertThat(record.nodes().get("move").status()).isEqualTo(NodeStatus.FAILED);
        assertThat(record.nodes().get("alarm").status()).isEqualTo(NodeStatus.FAILED);
    }

    @Test
    void failurePathIsSkippedWithNoFailureWhenItsSourceSucceeds() throws Exception {
        fixture.node(pass("move", null))
                .node(pass("alarm", null))
                .node(pass("afterAlarm", null))
                .edge("move", "alarm", "failure")
                .edge("alarm", "afterAlarm");

        ExecutionRecord record = run();

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.nodes().get("alarm")).isEqualTo(skipped(SkipReasons.NO_FAILURE, null));
        assertThat(record.nodes().get("afterAlarm")).isEqualTo(skipped(SkipReasons.UPSTREAM_SKIPPED, null));
    }

    @Test
    void oneAlarmJoinsTheFailurePathsOfSeveralSteps() throws Exception {
        fixture.node(pass("home", null))
                .node(NodeDefinition.of("move", "fail", Map.of()))
                .node(pass("alarm", null).withJoin(NodeDefinition.JOIN_ANY))
                .edge("home", "move")
                .edge("home", "alarm", "failure")
                .edge("move", "alarm", "failure");

        ExecutionRecord record = run();

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.nodes().get("alarm").status()).isEqualTo(NodeStatus.SUCCEEDED);
    }

    @Test
    void eventsCarryTheDecisionAndTheSkipReason() throws Exception {
        try (TestEvents bus = new TestEvents()) {
            fixture.node(flag("weigh", true))
                    .node(pass("place", "A").withWhen("weigh.ok"))
                    .node(pass("reject", "R").withWhen("!weigh.ok"))
                    .node(pass("afterReject", null))
                    .edge("reject", "afterReject");
            ExecutionListener listener = new CompositeListener(fixture.events, new EventingListener(bus.publisher));
            ExecutionHandle handle = fixture.engine(new EngineConfig(64, 5_000, RetrySpec.NONE), listener)
                    .start(fixture.plan(), 1, Map.of());
            await(handle);
            waitUntil(() -> bus.topics().contains(Topics.PIPELINE_COMPLETED));

            assertThat(fixture.events.of(handle.id()))
                    .contains("skipped reject SKIPPED condition-false", "skipped afterReject SKIPPED upstream-skipped");
            Event executing = event(bus, Topics.NODE_EXECUTING, "place");
            assertThat(executing.getProperty(EventProperties.BRANCH)).isEqualTo("weigh.ok");
            Event notTaken = event(bus, Topics.NODE_SKIPPED, "reject");
            assertThat(notTaken.getProperty(EventProperties.REASON)).isEqualTo(SkipReasons.CONDITION_FALSE);
            assertThat(notTaken.getProperty(EventProperties.BRANCH)).isEqualTo("!weigh.ok");
            Event downstream = event(bus, Topics.NODE_SKIPPED, "afterReject");
            assertThat(downstream.getProperty(EventProperties.REASON)).isEqualTo(SkipReasons.UPSTREAM_SKIPPED);
            assertThat(downstream.containsProperty(EventProperties.BRANCH)).isFalse();
            assertThat(event(bus, Topics.NODE_EXECUTING, "weigh").containsProperty(EventProperties.BRANCH))
                    .isFalse();
        }
    }

    private static Event event(TestEvents bus, String topic, String nodeId) {
        return bus.delivered.stream()
                .filter(e -> e.getTopic().equals(topic) && nodeId.equals(e.getProperty(EventProperties.NODE_ID)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + topic + " for " + nodeId));
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
