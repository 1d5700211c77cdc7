package io.gantry.engine.core.internal.execution;

import static io.gantry.engine.core.internal.execution.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.error.DeviceFaultException;
import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.execution.NodeStatus;
import io.gantry.engine.api.pipeline.RetrySpec;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailureHandlingTest {
    private static final RetrySpec THREE_TRIES = new RetrySpec(3, 5, 2, 0, 0.5);

    private final EngineFixture fixture = new EngineFixture();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch cancelled = new CountDownLatch(1);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void hangingNodeTimesOutOnTimeAndIsCancelled() throws Exception {
        fixture.function(Fakes.hanging("hang", null, started, cancelled)).node("h", "hang", null, null, 100L);

        long start = System.nanoTime();
        ExecutionRecord record = await(fixture.engine().start(fixture.plan(), 1, Map.of()));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(record.error())
                .isEqualTo(new ExecutionError(
                        "timeout", "node 'h': function 'hang' did not answer within 100 ms", "h", null));
        assertThat(record.nodes().get("h").status()).isEqualTo(NodeStatus.FAILED);
        assertThat(cancelled.await(1, TimeUnit.SECONDS)).isTrue();
        // not before its timeout; how late is no unit test's business on a shared machine
        assertThat(elapsedMs).isGreaterThanOrEqualTo(100L);
    }

    @Test
    void retriesTimedOutAttempt() throws Exception {
        CountDownLatch twoCancels = new CountDownLatch(2);
        fixture.function(Fakes.hanging("hang", null, started, twoCancels))
                .node("h", "hang", null, new RetrySpec(2, 0, 1, 0, 0), 30L);

        ExecutionHandle handle = fixture.engine().start(fixture.plan(), 1, Map.of());
        ExecutionRecord record = await(handle);

        assertThat(record.nodes().get("h").attempts()).isEqualTo(2);
        assertThat(record.error().code()).isEqualTo("timeout");
        assertThat(twoCancels.await(1, TimeUnit.SECONDS)).isTrue();
        assertThat(fixture.events.of(handle.id()))
                .containsExactly(
                        "started 1", "executing h", "retrying h 2 timeout", "failed h FAILED timeout", "ended FAILED");
    }

    @Test
    void deviceNodeTimeoutStopsTheDevice() throws Exception {
        EngineFixture.TestDevice axis = fixture.device("axis-1");
        fixture.function(Fakes.hanging("move", EngineFixture.SERVO, started, cancelled))
                .node("m", "move", "axis-1", null, 50L);

        ExecutionRecord record = await(fixture.engine().start(fixture.plan(), 1, Map.of()));

        assertThat(record.error().code()).isEqualTo("device-timeout");
        assertThat(record.error().deviceId()).isEqualTo("axis-1");
        assertThat(axis.stops.get()).isEqualTo(1);
        assertThat(cancelled.getCount()).isZero();
    }

    @Test
    void retriesRetryableFailureUntilItSucceeds() throws Exception {
        TestFunction flaky = Fakes.failing("flaky", 2, () -> new DeviceFaultException("axis-1", "jammed"));
        fixture.function(flaky).node("f", "flaky", null, THREE_TRIES, null);

        ExecutionHandle handle = fixture.engine().start(fixture.plan(), 1, Map.of());
        ExecutionRecord record = await(handle);

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.nodes().get("f").attempts()).isEqualTo(3);
        assertThat(flaky.calls.get()).isEqualTo(3);
        assertThat(fixture.events.of(handle.id()))
                .containsExactly(
                        "started 1",
                        "executing f",
                        "retrying f 2 device-fault",
                        "retrying f 3 device-fault",
                        "completed f",
                        "ended SUCCEEDED");
    }

    @Test
    void doesNotRetryNonRetryableOrUnexpectedFailures() throws Exception {
        TestFunction invalid = Fakes.failing("invalid", 5, () -> new InvalidConfigException("bad speed"));
        TestFunction buggy = Fakes.failing("buggy", 5, () -> new IllegalStateException("oops"));
        fixture.function(invalid).function(buggy).node("i", "invalid", null, THREE_TRIES, null);

        ExecutionRecord record = await(fixture.engine().start(fixture.plan(), 1, Map.of()));
        fixture.nodes.clear();
        fixture.node("b", "buggy", null, THREE_TRIES, null);
        ExecutionRecord bug = await(fixture.engine().start(fixture.plan(), 1, Map.of()));

        assertThat(record.nodes().get("i").attempts()).isEqualTo(1);
        assertThat(record.error().code()).isEqualTo("validation");
        assertThat(bug.nodes().get("b").attempts()).isEqualTo(1);
        assertThat(bug.error().code()).isEqualTo("internal");
        assertThat(invalid.calls.get() + buggy.calls.get()).isEqualTo(2);
    }

    @Test
    void failureSkipsDownstreamAndCancelsRunningSibling() throws Exception {
        fixture.function(Fakes.pass("pass"))
                .function(Fakes.hanging("hang", null, started, cancelled))
                .function(Fakes.failing("bad", 1, () -> new InvalidConfigException("bad")))
                .node("src", "pass", Map.of())
                .node("sibling", "hang", Map.of())
                .node("after-sibling", "pass", Map.of())
                .node("bad", "bad", Map.of())
                .node("after-bad", "pass", Map.of())
                .edge("src.out", "sibling.in")
                .edge("sibling.out", "after-sibling.in")
                .edge("src.out", "bad.in")
                .edge("bad.out", "after-bad.in");
        // the failing node waits for the sibling to be running, so the sibling is surely cancelled
        fixture.functions.put(
                "bad", new TestFunction(fixture.functions.get("bad").descriptor(), call -> {
                    awaitQuietly(started);
                    return Fakes.failing("bad", 1, () -> new InvalidConfigException("bad speed"))
                            .invoke(call);
                }));

        ExecutionHandle handle = fixture.engine().start(fixture.plan(), 1, Map.of());
        ExecutionRecord record = await(handle);

        assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(record.error()).isEqualTo(new ExecutionError("validation", "bad speed", "bad", null));
        assertThat(record.nodes())
                .extractingFromEntries(e -> e.getKey() + "=" + e.getValue().status())
                .containsExactly(
                        "src=SUCCEEDED",
                        "sibling=CANCELLED",
                        "after-sibling=SKIPPED",
                        "bad=FAILED",
                        "after-bad=SKIPPED");
        assertThat(record.done()).isEqualTo(5);
        assertThat(cancelled.getCount()).isZero();
        assertThat(fixture.events.of(handle.id()))
                .startsWith("started 5")
                .endsWith("ended FAILED")
                .contains(
                        "failed bad FAILED validation",
                        "failed sibling CANCELLED cancelled",
                        "skipped after-bad SKIPPED run-failed",
                        "skipped after-sibling SKIPPED run-failed");
    }

    @Test
    void externalCancelCancelsRunningAndPendingNodes() throws Exception {
        fixture.function(Fakes.pass("pass"))
                .function(Fakes.hanging("hang", null, started, cancelled))
                .node("h", "hang", Map.of())
                .node("next", "pass", Map.of())
                .edge("h.out", "next.in");
        ExecutionEngine engine = fixture.engine();
        ExecutionHandle handle = engine.start(fixture.plan(), 1, Map.of());
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(engine.cancel(handle.id())).isTrue();
        ExecutionRecord record = await(handle);

        assertThat(record.status()).isEqualTo(ExecutionStatus.CANCELLED);
        assertThat(record.nodes().get("h").status()).isEqualTo(NodeStatus.CANCELLED);
        assertThat(record.nodes().get("next").status()).isEqualTo(NodeStatus.CANCELLED);
        assertThat(cancelled.getCount()).isZero();
        assertThat(engine.running()).isEmpty();
        assertThat(engine.cancel(handle.id())).isFalse();
    }

    @Test
    void cancelDuringRetryBackoffEndsAtOnce() throws Exception {
        RetrySpec slowRetry = new RetrySpec(5, 60_000, 1, 0, 0);
        fixture.function(Fakes.failing("flaky", 5, () -> new DeviceFaultException(null, "jammed")))
                .node("f", "flaky", null, slowRetry, null);
        ExecutionHandle handle = fixture.engine().start(fixture.plan(), 1, Map.of());
        fixture.events.seen("retrying f 2 device-fault").get(5, TimeUnit.SECONDS);

        handle.cancel();
        ExecutionRecord record = handle.completion().get(2, TimeUnit.SECONDS);

        assertThat(record.status()).isEqualTo(ExecutionStatus.CANCELLED);
        assertThat(record.nodes().get("f").status()).isEqualTo(NodeStatus.CANCELLED);
    }

    @Test
    void pluginGoneAtNodeStartFailsTheNode() throws Exception {
        fixture.function(Fakes.pass("pass"))
                .function(Fakes.pass("gone"))
                .node("a", "pass", Map.of())
                .node("b", "gone", Map.of())
                .edge("a.out", "b.in");
        ExecutionPlan plan = fixture.plan();
        fixture.functions.remove("gone");

        ExecutionRecord record = await(fixture.engine().start(plan, 1, Map.of()));

        assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(record.error().code()).isEqualTo("plugin-unavailable");
        assertThat(record.error().nodeId()).isEqualTo("b");
        assertThat(record.nodes().get("a").status()).isEqualTo(NodeStatus.SUCCEEDED);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
