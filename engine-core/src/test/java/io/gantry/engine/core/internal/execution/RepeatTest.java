package io.gantry.engine.core.internal.execution;

import static io.gantry.engine.core.internal.execution.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.gantry.engine.api.error.DeviceFaultException;
import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.Topics;
import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.execution.NodeRecord;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.RepeatSpec;
import io.gantry.engine.api.pipeline.RetrySpec;
import io.gantry.engine.core.internal.events.TestEvents;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/** Bounded loops ({@code repeat}): counted and polled, exhausted, cancelled, retried, announced, validated. */
class RepeatTest {
    private static final long HOUR_MS = 3_600_000L;

    private final EngineFixture fixture = new EngineFixture().function(Fakes.pass("pass"));
    /** Calls of {@code sensor}; it reports {@code present} from call {@link #presentFrom} on. */
    private final AtomicInteger sensorCalls = new AtomicInteger();

    private volatile int presentFrom = Integer.MAX_VALUE;
    /** The {@code attempt} each call of {@code count} saw. */
    private final List<Integer> attemptsSeen = new CopyOnWriteArrayList<>();

    RepeatTest() {
        fixture.function(new TestFunction(
                        TestFunction.descriptor(
                                "count",
                                null,
                                Fakes.PASS_IN,
                                List.of(PortDescriptor.output("n", PortType.NUMBER), Fakes.PASS_OUT.get(0)),
                                0),
                        call -> {
                            attemptsSeen.add(call.attempt());
                            return CompletableFuture.completedFuture(Map.of(
                                    "n",
                                    attemptsSeen.size(),
                                    "out",
                                    call.inputs().get("in")));
                        }))
                .function(sensor("sensor", null));
    }

    private TestFunction sensor(String id, String deviceType) {
        return new TestFunction(
                TestFunction.descriptor(
                        id,
                        deviceType,
                        Fakes.PASS_IN,
                        List.of(
                                PortDescriptor.output("present", PortType.BOOLEAN),
                                PortDescriptor.output("n", PortType.NUMBER)),
                        0),
                call -> {
                    int n = sensorCalls.incrementAndGet();
                    return CompletableFuture.completedFuture(Map.of("present", n >= presentFrom, "n", n));
                });
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private ExecutionRecord run() throws Exception {
        return await(fixture.engine().start(fixture.plan(), 1, Map.of()));
    }

    @Test
    void timesRunsTheFunctionThatOftenWithTheSameInputsAndKeepsTheLastOutputs() throws Exception {
        fixture.node(NodeDefinition.of("stack", "count", Map.of("in", "part")).withRepeat(RepeatSpec.times(3)))
                .node(NodeDefinition.of("after", "pass", Map.of()))
                .edge("stack.n", "after.in");

        ExecutionRecord record = run();

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        NodeRecord stack = record.nodes().get("stack");
        assertThat(stack.iterations()).isEqualTo(3);
        assertThat(stack.attempts()).isEqualTo(3);
        assertThat(stack.inputs()).isEqualTo(Map.of("in", "part"));
        assertThat(stack.outputs()).isEqualTo(Map.of("n", 3, "out", "part"));
        assertThat(record.nodes().get("after").outputs()).isEqualTo(Map.of("out", 3));
        assertThat(attemptsSeen).containsExactly(1, 1, 1);
    }

    @Test
    void untilStopsAtTheFirstTrue() throws Exception {
        presentFrom = 3;
        fixture.node(NodeDefinition.of("wait", "sensor", Map.of()).withRepeat(RepeatSpec.until("present", 10, 1)));

        ExecutionHandle handle = fixture.engine().start(fixture.plan(), 1, Map.of());
        ExecutionRecord record = await(handle);

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        NodeRecord wait = record.nodes().get("wait");
        assertThat(wait.iterations()).isEqualTo(3);
        assertThat(wait.outputs()).isEqualTo(Map.of("present", true, "n", 3));
        assertThat(sensorCalls).hasValue(3);
        assertThat(fixture.events.of(handle.id()))
                .containsSubsequence(
                        "executing wait",
                        "iteration wait 1 false",
                        "iteration wait 2 false",
                        "iteration wait 3 true",
                        "completed wait")
                .containsOnlyOnce("executing wait", "completed wait");
    }

    @Test
    void anExhaustedLoopFailsWithRepeatExhaustedAndFeedsItsFailurePath() throws Exception {
        fixture.node(NodeDefinition.of("wait", "sensor", Map.of()).withRepeat(RepeatSpec.until("present", 4, 0)))
                .node(NodeDefinition.of("pick", "pass", Map.of()))
                .node(NodeDefinition.of("alarm", "pass", Map.of("in", "no part")))
                .edge("wait", "pick")
                .edge("wait", "alarm", "failure");

        ExecutionRecord record = run();

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        NodeRecord wait = record.nodes().get("wait");
        assertThat(wait.status()).isEqualTo(NodeStatus.FAILED);
        assertThat(wait.iterations()).isEqualTo(4);
        assertThat(wait.error().code()).isEqualTo(ExecutionError.REPEAT_EXHAUSTED);
        assertThat(wait.error().message()).contains("'wait'", "'present'", "maxIterations 4");
        assertThat(sensorCalls).hasValue(4);
        assertThat(record.nodes().get("pick").status()).isEqualTo(NodeStatus.SKIPPED);
        assertThat(record.nodes().get("alarm").outputs()).isEqualTo(Map.of("out", "no part"));
    }

    @Test
    void anExhaustedLoopWithoutFailurePathFailsTheRun() throws Exception {
        fixture.node(NodeDefinition.of("wait", "sensor", Map.of()).withRepeat(RepeatSpec.until("present", 2, 0)));

        ExecutionRecord record = run();

        assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(record.error().code()).isEqualTo(ExecutionError.REPEAT_EXHAUSTED);
    }

    @Test
    void aCancelDuringTheIntervalEndsTheNodeCancelledWithoutWaitingTheInterval() throws Exception {
        fixture.node(NodeDefinition.of("wait", "sensor", Map.of()).withRepeat(RepeatSpec.until("present", 5, HOUR_MS)))
                .node(NodeDefinition.of("pick", "pass", Map.of()))
                .edge("wait", "pick");
        ExecutionHandle handle = fixture.engine().start(fixture.plan(), 1, Map.of());
        fixture.events.seen("iteration wait 1 false").get(10, TimeUnit.SECONDS);
        waitUntil(() -> fixture.scheduler.getQueue().size() == 1); // the wake-up is scheduled

        assertThat(handle.cancel()).isTrue();
        // an hour's interval: the run can only end within the await because the cancel ended the wait
        ExecutionRecord record = await(handle);

        assertThat(record.status()).isEqualTo(ExecutionStatus.CANCELLED);
        NodeRecord wait = record.nodes().get("wait");
        assertThat(wait.status()).isEqualTo(NodeStatus.CANCELLED);
        assertThat(wait.iterations()).isEqualTo(1);
        assertThat(record.nodes().get("pick").status()).isEqualTo(NodeStatus.CANCELLED);
        assertThat(sensorCalls).hasValue(1);
        waitUntil(() -> fixture.scheduler.getQueue().isEmpty()); // the hour's wake-up is withdrawn, not left behind
    }

    @Test
    void eachIterationRetriesWithItsOwnAttemptsAndTheRecordCountsThemAll() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        fixture.function(new TestFunction(
                TestFunction.descriptor("flaky", null, Fakes.PASS_IN, Fakes.PASS_OUT, 0), call -> {
                    attemptsSeen.add(call.attempt());
                    return calls.incrementAndGet() == 2
                            ? CompletableFuture.failedFuture(new DeviceFaultException("axis", "glitch"))
                            : Fakes.echo(call);
                }));
        fixture.node(new NodeDefinition("move", "flaky", null, Map.of("in", 7), new RetrySpec(2, 0, 1, 0, 0), null)
                .withRepeat(RepeatSpec.times(3)));

        ExecutionHandle handle = fixture.engine().start(fixture.plan(), 1, Map.of());
        ExecutionRecord record = await(handle);

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        NodeRecord move = record.nodes().get("move");
        assertThat(move.iterations()).isEqualTo(3);
        assertThat(move.attempts()).isEqualTo(4);
        assertThat(attemptsSeen).containsExactly(1, 1, 2, 1); // the second iteration was retried
        assertThat(fixture.events.of(handle.id()))
                .containsSubsequence(
                        "iteration move 1",
                        "retrying move 2 device-fault",
                        "iteration move 2",
                        "iteration move 3",
                        "completed move");
    }

    @Test
    void theTimeoutAppliesToEachIterationsAttemptsNotToTheWholeLoop() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        fixture.function(new TestFunction(
                TestFunction.descriptor("slow", null, Fakes.PASS_IN, Fakes.PASS_OUT, 0),
                call -> calls.incrementAndGet() == 2 ? new CompletableFuture<>() : Fakes.echo(call)));
        fixture.node(new NodeDefinition("move", "slow", null, Map.of("in", 1), new RetrySpec(2, 0, 1, 0, 0), 50L)
                .withRepeat(RepeatSpec.times(3)));

        ExecutionHandle handle = fixture.engine().start(fixture.plan(), 1, Map.of());
        ExecutionRecord record = await(handle);

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.nodes().get("move").iterations()).isEqualTo(3);
        assertThat(record.nodes().get("move").attempts()).isEqualTo(4);
        assertThat(fixture.events.of(handle.id())).contains("retrying move 2 timeout");
    }

    @Test
    void eachIterationIsAnEventWithItsNumberAndConditionValue() throws Exception {
        presentFrom = 2;
        try (TestEvents bus = new TestEvents()) {
            fixture.node(NodeDefinition.of("wait", "sensor", Map.of()).withRepeat(RepeatSpec.until("present", 5, 0)));
            ExecutionListener listener = new CompositeListener(fixture.events, new EventingListener(bus.publisher));
            await(fixture.engine(new EngineConfig(64, 5_000, RetrySpec.NONE), listener)
                    .start(fixture.plan(), 1, Map.of()));
            waitUntil(() -> bus.topics().contains(Topics.PIPELINE_COMPLETED));

            List<Event> iterations = bus.delivered.stream()
                    .filter(e -> e.getTopic().equals(Topics.NODE_ITERATION))
                    .toList();
            assertThat(iterations)
                    .extracting(
                            e -> e.getProperty(EventProperties.NODE_ID),
                            e -> e.getProperty(EventProperties.ITERATION),
                            e -> e.getProperty(EventProperties.CONDITION_VALUE))
                    .containsExactly(tuple("wait", 1, false), tuple("wait", 2, true));
            assertThat(iterations.get(1).getProperty(EventProperties.OUTPUTS))
                    .isEqualTo(Map.of("present", true, "n", 2));
            assertThat(bus.topics().stream().filter(Topics.NODE_COMPLETED::equals))
                    .hasSize(1);
            assertThat(bus.topics().stream().filter(Topics.NODE_EXECUTING::equals))
                    .hasSize(1);
        }
    }

    @Test
    void aDeviceNodeGivesTheDeviceBackBetweenIterations() throws Exception {
        // the sensor sees the part only after the other node on the same device ran: were the device
        // held across iterations, that node could never run and the loop would exhaust
        AtomicBoolean placed = new AtomicBoolean();
        fixture.function(new TestFunction(
                        TestFunction.descriptor(
                                "probe",
                                EngineFixture.SERVO,
                                Fakes.PASS_IN,
                                List.of(PortDescriptor.output("present", PortType.BOOLEAN)),
                                0),
                        call -> CompletableFuture.completedFuture(Map.of("present", placed.get()))))
                .function(new TestFunction(
                        TestFunction.descriptor("place", EngineFixture.SERVO, Fakes.PASS_IN, Fakes.PASS_OUT, 0),
                        call -> {
                            placed.set(true);
                            return Fakes.echo(call);
                        }));
        fixture.device("cell");
        fixture.node(new NodeDefinition("wait", "probe", "cell", Map.of(), null, null)
                        .withRepeat(RepeatSpec.until("present", RepeatSpec.MAX_ITERATIONS, 0)))
                .node(new NodeDefinition("place", "place", "cell", Map.of(), null, null));

        ExecutionRecord record = run();

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.nodes().get("wait").outputs()).isEqualTo(Map.of("present", true));
    }

    @Test
    void aCancelWhileTheNextIterationQueuesForTheDeviceEndsTheNodeAndLeavesTheDeviceFree() throws Exception {
        CountDownLatch hogStarted = new CountDownLatch(1);
        fixture.function(sensor("probe", EngineFixture.SERVO))
                .function(Fakes.hanging("hog", EngineFixture.SERVO, hogStarted, new CountDownLatch(1)))
                .function(new TestFunction(
                        TestFunction.descriptor("move", EngineFixture.SERVO, Fakes.PASS_IN, Fakes.PASS_OUT, 0),
                        Fakes::echo));
        fixture.device("cell");
        // the poll and the hog both queue for the device; the poll may run a few iterations before the
        // hog is queued, but the queue is fair: once the hog has the device (and keeps it), the poll's
        // next iteration waits in the device's queue. The bound is high so the poll never exhausts first.
        fixture.node(new NodeDefinition("wait", "probe", "cell", Map.of(), null, null)
                        .withRepeat(RepeatSpec.until("present", RepeatSpec.MAX_ITERATIONS, 0)))
                .node(new NodeDefinition("hog", "hog", "cell", Map.of(), null, null));
        ExecutionHandle handle = fixture.engine().start(fixture.plan(), 1, Map.of());
        assertThat(hogStarted.await(10, TimeUnit.SECONDS)).isTrue();

        handle.cancel();
        ExecutionRecord record = await(handle);

        assertThat(record.status()).isEqualTo(ExecutionStatus.CANCELLED);
        assertThat(record.nodes().get("wait").status()).isEqualTo(NodeStatus.CANCELLED);
        int iterations = record.nodes().get("wait").iterations();
        assertThat(iterations).isPositive();
        // the iteration queued when the cancel came never called the sensor
        assertThat(sensorCalls).hasValue(iterations);
        // the iteration that was granted the device after the cancel gave it back: a new run gets it
        fixture.nodes.clear();
        fixture.node(new NodeDefinition("move", "move", "cell", Map.of("in", 1), null, null));
        assertThat(run().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void validationRefusesEveryUnboundedOrMalformedLoopAtItsPath() {
        fixture.node(NodeDefinition.of("a", "sensor", Map.of()).withRepeat(new RepeatSpec(null, null, null, null)))
                .node(NodeDefinition.of("b", "sensor", Map.of()).withRepeat(new RepeatSpec(null, "present", null, 10L)))
                .node(NodeDefinition.of("c", "sensor", Map.of()).withRepeat(new RepeatSpec(3, "present", 3, null)))
                .node(NodeDefinition.of("d", "sensor", Map.of()).withRepeat(RepeatSpec.times(0)))
                .node(NodeDefinition.of("e", "sensor", Map.of()).withRepeat(RepeatSpec.times(10_001)))
                .node(NodeDefinition.of("f", "sensor", Map.of()).withRepeat(RepeatSpec.until("present", -1, -5)))
                .node(NodeDefinition.of("g", "sensor", Map.of())
                        .withRepeat(RepeatSpec.until("present", 5, HOUR_MS + 1)))
                .node(NodeDefinition.of("h", "sensor", Map.of()).withRepeat(RepeatSpec.until("n", 5, 0)))
                .node(NodeDefinition.of("i", "sensor", Map.of()).withRepeat(RepeatSpec.until("absent", 5, 0)))
                .node(NodeDefinition.of("j", "sensor", Map.of()).withRepeat(new RepeatSpec(null, null, 5, null)))
                .node(NodeDefinition.of("k", "sensor", Map.of()).withRepeat(RepeatSpec.until("present", 5, HOUR_MS)));

        PipelineValidationException refused = catchThrowableOfType(PipelineValidationException.class, fixture::plan);

        assertThat(refused.problems())
                .extracting(p -> p.path(), p -> p.code())
                .containsExactlyInAnyOrder(
                        tuple("nodes[0].repeat", "unbounded-repeat"),
                        tuple("nodes[1].repeat.maxIterations", "unbounded-repeat"),
                        tuple("nodes[2].repeat", "invalid-repeat"),
                        tuple("nodes[3].repeat.times", "invalid-repeat"),
                        tuple("nodes[4].repeat.times", "invalid-repeat"),
                        tuple("nodes[5].repeat.maxIterations", "invalid-repeat"),
                        tuple("nodes[5].repeat.intervalMs", "invalid-repeat"),
                        tuple("nodes[6].repeat.intervalMs", "invalid-repeat"),
                        tuple("nodes[7].repeat.until", "condition-not-boolean"),
                        tuple("nodes[8].repeat.until", "unknown-port"),
                        tuple("nodes[9].repeat.until", "invalid-repeat"));
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
