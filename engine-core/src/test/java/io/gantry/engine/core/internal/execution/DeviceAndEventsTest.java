package io.gantry.engine.core.internal.execution;

import static io.gantry.engine.core.internal.execution.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceAndEventsTest {
    private final EngineFixture fixture = new EngineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void nodesOnOneDeviceNeverOverlapWhileOthersRunOn() throws Exception {
        fixture.device("axis-1");
        fixture.device("axis-2");
        Fakes.Overlap axis1 = new Fakes.Overlap();
        Fakes.Overlap axis2 = new Fakes.Overlap();
        fixture.function(Fakes.delayed("move1", EngineFixture.SERVO, fixture.scheduler, 10, axis1))
                .function(Fakes.delayed("move2", EngineFixture.SERVO, fixture.scheduler, 10, axis2));
        for (int i = 0; i < 4; i++) {
            fixture.node("a" + i, "move1", "axis-1", null, null).node("b" + i, "move2", "axis-2", null, null);
        }
        ExecutionEngine engine = fixture.engine();
        ExecutionPlan plan = fixture.plan();

        ExecutionHandle first = engine.start(plan, 1, Map.of());
        ExecutionHandle second = engine.start(plan, 1, Map.of());
        assertThat(engine.usesDevice("axis-1")).isTrue();

        assertThat(await(first).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(await(second).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(axis1.most()).isEqualTo(1);
        assertThat(axis2.most()).isEqualTo(1);
        assertThat(engine.usesDevice("axis-1")).isFalse();
    }

    @Test
    void reportsEventsInCausalOrder() throws Exception {
        fixture.function(Fakes.pass("pass"))
                .node("a", "pass", Map.of())
                .node("b", "pass", Map.of())
                .edge("a.out", "b.in");

        ExecutionHandle handle = fixture.engine().start(fixture.plan(), 1, Map.of());
        await(handle);

        assertThat(fixture.events.of(handle.id()))
                .containsExactly(
                        "started 2", "executing a", "completed a", "executing b", "completed b", "ended SUCCEEDED");
    }

    @Test
    void reportsFailureEventsInCausalOrder() throws Exception {
        fixture.function(Fakes.pass("pass"))
                .function(Fakes.failing("bad", 1, () -> new InvalidConfigException("bad")))
                .node("a", "bad", Map.of())
                .node("b", "pass", Map.of())
                .edge("a.out", "b.in");

        ExecutionHandle handle = fixture.engine().start(fixture.plan(), 1, Map.of());
        await(handle);

        assertThat(fixture.events.of(handle.id()))
                .containsExactly(
                        "started 2",
                        "executing a",
                        "failed a FAILED validation",
                        "skipped b SKIPPED run-failed",
                        "ended FAILED");
    }
}
