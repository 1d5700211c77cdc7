package io.gantry.engine.core.internal.execution;

import static io.gantry.engine.core.internal.execution.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rough look at the engine's own cost per node: a 1,000-node chain of functions that answer at
 * once, after warm-up. The bound is loose on purpose (shared CI boxes); the log line is the number.
 */
class OverheadMeasurementTest {
    private static final Logger LOG = LoggerFactory.getLogger(OverheadMeasurementTest.class);
    private static final int NODES = 1000;
    private static final int RUNS = 30;

    private final EngineFixture fixture = new EngineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void chainCostsFewMicrosecondsPerNode() throws Exception {
        fixture.function(Fakes.pass("pass")).node("n0", "pass", Map.of("in", 1));
        for (int i = 1; i < NODES; i++) {
            fixture.node("n" + i, "pass", Map.of()).edge("n" + (i - 1) + ".out", "n" + i + ".in");
        }
        // no recording listener: its growing list would dominate what is measured
        ExecutionEngine engine = fixture.engine(EngineConfig.DEFAULTS, ExecutionListener.NONE);
        ExecutionPlan plan = fixture.plan();
        for (int i = 0; i < RUNS; i++) {
            await(engine.start(plan, 1, Map.of()));
        }

        long best = Long.MAX_VALUE;
        long total = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            assertThat(await(engine.start(plan, 1, Map.of())).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            long took = System.nanoTime() - start;
            best = Math.min(best, took);
            total += took;
        }

        double bestPerNodeUs = best / 1_000.0 / NODES;
        LOG.info("1,000-node chain: best {} ms, mean {} ms, best {} us per node", best / 1_000_000.0,
                total / RUNS / 1_000_000.0, bestPerNodeUs);
        assertThat(bestPerNodeUs).isLessThan(200);
    }
}
