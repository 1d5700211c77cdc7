package io.gantry.engine.core.internal.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.event.Topics;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.core.internal.events.TestEvents;
import io.gantry.engine.core.internal.resilience.DeviceGuard;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runtime as DS builds it, over fake functions and devices, a map for storage and a recording bus. */
class ExecutionRuntimeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final EngineFixture fixture = new EngineFixture();
    private final InMemoryExecutions stored = new InMemoryExecutions();
    private final TestEvents bus = new TestEvents();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private ExecutionRuntime runtime;

    @AfterEach
    void stop() throws InterruptedException {
        runtime.stop();
        bus.close();
        fixture.close();
    }

    @Test
    void startReturnsAStoredFirstRecordAndTheStoredEndIsTheFinalOne() {
        fixture.function(Fakes.pass("pass")).node("a", "pass", Map.of());
        runtime = runtime();

        ExecutionRecord first = runtime.start(fixture.plan(), 3, Map.of("a.in", 7), "alice/tok_abcdefghijkl");

        assertThat(stored.find(first.id()))
                .as("the first record is on disk when start returns")
                .isPresent();
        assertThat(first.startedBy()).isEqualTo("alice/tok_abcdefghijkl");
        ExecutionRecord end = storedEnd(first.id());
        assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(end.pipelineVersion()).isEqualTo(3);
        assertThat(end.startedBy())
                .as("every record of the run names its starter")
                .isEqualTo(first.startedBy());
        assertThat(stored.find(first.id()))
                .get()
                .extracting(ExecutionRecord::status)
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        await(() -> topics().contains(Topics.PIPELINE_COMPLETED));
        assertThat(topics()).startsWith(Topics.PIPELINE_STARTED);
    }

    @Test
    void aRunningExecutionIsLiveUsesItsDeviceAndCanBeCancelled() throws Exception {
        fixture.device("axis-1");
        fixture.function(Fakes.hanging("hang", EngineFixture.SERVO, started, cancelled))
                .node("h", "hang", "axis-1", null, null);
        runtime = runtime();

        ExecutionRecord first = runtime.start(fixture.plan(), 1, Map.of(), "shell");
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        assertThat(runtime.live(first.id()))
                .get()
                .extracting(ExecutionRecord::status, ExecutionRecord::startedBy)
                .containsExactly(ExecutionStatus.RUNNING, "shell");
        assertThat(runtime.usesDevice("axis-1")).isTrue();
        assertThat(runtime.usesDevice("axis-2")).isFalse();

        assertThat(runtime.cancel(first.id())).isTrue();
        assertThat(cancelled.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("the function heard the cancel")
                .isTrue();
        assertThat(storedEnd(first.id()).status()).isEqualTo(ExecutionStatus.CANCELLED);
        assertThat(runtime.usesDevice("axis-1")).isFalse();
        assertThat(runtime.cancel(first.id())).as("a run cancels once").isFalse();
    }

    @Test
    void aRunsEndStaysAwaitableAfterItsCommitAndItsProgressIsStoredMidRun() throws Exception {
        fixture.device("axis-1");
        fixture.function(Fakes.pass("pass"))
                .function(Fakes.hanging("hang", EngineFixture.SERVO, started, cancelled))
                .node("a", "pass", Map.of())
                .node("h", "hang", "axis-1", null, null)
                .edge("a.out", "h.in");
        runtime = runtime();

        ExecutionRecord first = runtime.start(fixture.plan(), 1, Map.of("a.in", 1), "shell");
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        // a crash now leaves a record that says how far the run got, though nobody waited for it
        await(() -> stored.find(first.id())
                .map(record -> record.nodes().get("a").status() == NodeStatus.SUCCEEDED)
                .orElse(false));

        runtime.cancel(first.id());
        ExecutionRecord end = storedEnd(first.id());
        assertThat(runtime.storedEnd(first.id()))
                .as("an end stored a moment ago is still found, without reading the database")
                .get()
                .extracting(future -> future.getNow(null))
                .isEqualTo(end);
    }

    @Test
    void awaitingAnExecutionItDoesNotTrackIsNotFound() {
        runtime = runtime();

        assertThat(runtime.live("nope")).isEmpty();
        assertThat(runtime.storedEnd("nope")).isEmpty();
        assertThatThrownBy(() -> runtime.awaitStoredEnd("nope", WAIT)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void healthIsUpWhileItsThreadsTakeWorkAndDownOnceStopped() throws InterruptedException {
        runtime = runtime();
        EngineHealthCheck engine = new EngineHealthCheck(runtime, WAIT);

        assertThat(runtime.check().up()).isTrue();
        assertThat(runtime.check().details()).containsEntry("runningExecutions", 0);
        assertThat(engine.check().up()).isTrue();

        runtime.stop();

        assertThat(runtime.check().up()).isFalse();
        assertThat(engine.check().up()).isFalse();
        assertThat(String.valueOf(engine.check().details().get("reason"))).contains("refuse work");
    }

    @Test
    void theEngineIsDownWhenEveryWorkerIsStuck() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        // a function that blocks its calling thread instead of returning a future, the way a careless vendor's does
        fixture.function(new TestFunction(
                        TestFunction.descriptor("block", null, Fakes.PASS_IN, Fakes.PASS_OUT, 0), call -> {
                            blocked.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return Fakes.echo(call);
                        }))
                .node("b", "block", Map.of());
        runtime = runtime();

        runtime.start(fixture.plan(), 1, Map.of(), null);
        assertThat(blocked.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        EngineHealthCheck engine = new EngineHealthCheck(runtime, Duration.ofMillis(50));
        assertThat(engine.check().up()).as("the only worker is stuck").isFalse();
        release.countDown();
        await(() -> engine.check().up());
    }

    /** One worker thread, so that a test can occupy all of them. */
    private ExecutionRuntime runtime() {
        return new ExecutionRuntime(
                config(), fixture.resolver(), DeviceGuard.NONE, bus.publisher, stored, Clock.systemUTC());
    }

    /** As the execution service awaits: a run no longer tracked has its end stored already. */
    private ExecutionRecord storedEnd(String id) {
        return runtime.storedEnd(id)
                .map(end ->
                        end.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join())
                .orElseGet(() -> stored.find(id).orElseThrow());
    }

    private List<String> topics() {
        return bus.topics().stream()
                .filter(topic -> topic.startsWith("gantry/pipeline/"))
                .toList();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as("condition not met within %s", WAIT)
                    .isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static ExecutionRuntimeConfiguration config() {
        return new ExecutionRuntimeConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ExecutionRuntimeConfiguration.class;
            }

            @Override
            public int maxNodesInFlight() {
                return 8;
            }

            @Override
            public int workerThreads() {
                return 1;
            }

            @Override
            public long defaultTimeoutMs() {
                return 30_000;
            }

            @Override
            public int defaultMaxAttempts() {
                return 1;
            }

            @Override
            public long defaultBackoffMs() {
                return 200;
            }

            @Override
            public int maxQueuedPerDevice() {
                return 100;
            }
        };
    }
}
