package io.gantry.engine.core.internal.execution;

import static io.gantry.engine.core.internal.execution.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.error.DeviceFaultException;
import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.pipeline.RetrySpec;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.plan.PlanNode;
import io.gantry.engine.core.internal.resilience.DeviceGuard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceBulkheadTest {
    private final EngineFixture fixture = new EngineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aFullDeviceQueueRefusesTheNextNodeAtOnceAndOtherWorkGoesOn() throws Exception {
        fixture.device("axis-1");
        fixture.function(Fakes.hanging("move", EngineFixture.SERVO, new CountDownLatch(1), new CountDownLatch(1)))
                .function(Fakes.pass("pass"))
                .node("m", "move", "axis-1", null, 60_000L);
        ExecutionPlan onAxis = fixture.plan();
        ExecutionEngine engine = fixture.engine(new EngineConfig(64, 60_000, RetrySpec.NONE, 2));
        List<ExecutionHandle> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(engine.start(onAxis, 1, Map.of())); // one runs (hangs), two wait
        }

        ExecutionRecord refused = await(engine.start(onAxis, 1, Map.of()));
        EngineFixture pure = new EngineFixture().function(Fakes.pass("pass")).node("p", "pass", Map.of());
        ExecutionRecord other = await(engine.start(pure.plan(), 1, Map.of()));

        assertThat(refused.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(refused.error())
                .isEqualTo(new ExecutionError(
                        "unavailable",
                        "device 'axis-1' is busy: 2 nodes already wait for it (the queue holds at most 2)",
                        "m",
                        "axis-1"));
        assertThat(refused.nodes().get("m").attempts()).isZero();
        assertThat(other.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        held.forEach(ExecutionHandle::cancel);
        for (ExecutionHandle handle : held) {
            assertThat(await(handle).status()).isEqualTo(ExecutionStatus.CANCELLED);
        }
        pure.close();
    }

    @Test
    void aGuardThatRefusesFailsTheAttemptWithoutCallingTheDeviceAndHearsOnlyDeviceCalls() throws Exception {
        fixture.device("axis-1");
        List<String> heard = new CopyOnWriteArrayList<>();
        DeviceGuard refuseSecond = new DeviceGuard() {
            @Override
            public void admit(PlanNode node) {
                if (heard.size() >= 1) {
                    throw new DeviceFaultException(node.deviceId(), "breaker open");
                }
            }

            @Override
            public void record(PlanNode node, ExecutionError failure) {
                heard.add(node.id() + " " + (failure == null ? "ok" : failure.code()));
            }
        };
        TestFunction flaky = new TestFunction(
                TestFunction.descriptor("flaky", EngineFixture.SERVO, Fakes.PASS_IN, Fakes.PASS_OUT, 0),
                call -> CompletableFuture.failedFuture(new DeviceFaultException("axis-1", "jammed")));
        fixture.function(flaky)
                .function(Fakes.pass("pass"))
                .node("p", "pass", Map.of())
                .node("f", "flaky", "axis-1", new RetrySpec(3, 0, 1, 0, 0), null);
        ExecutionEngine engine = new ExecutionEngine(
                new EngineConfig(64, 5_000, RetrySpec.NONE),
                node -> new ResolvedNode(
                        fixture.functions.get(node.functionId()),
                        "test",
                        "1",
                        node.deviceId() == null ? null : fixture.devices.get(node.deviceId())),
                refuseSecond,
                fixture.events,
                fixture.executor,
                fixture.scheduler,
                Clock.systemUTC());

        ExecutionRecord record = await(engine.start(fixture.plan(), 1, Map.of()));

        assertThat(heard).containsExactly("f device-fault");
        assertThat(record.error().message()).isEqualTo("breaker open");
        // a retryable refusal follows the retry policy: attempts 2 and 3 were refused, never called
        assertThat(record.nodes().get("f").attempts()).isEqualTo(3);
    }
}
