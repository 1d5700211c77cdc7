package io.gantry.bench.jmh;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

/**
 * One node that runs 1,000 iterations ({@link PipelineShapes#loop}): {@code times} on a no-op, or
 * {@code until} on a countdown whose {@code done} turns true at the 1,000th call. Time per run ÷ 1,000
 * is the engine's cost per iteration: handing back the slot, queueing for it again, a new attempt
 * with its timeout timer, the running record and the iteration event.
 *
 * <p>Set beside {@link ChainBenchmark}'s per-node figure, an iteration skips what a new node costs
 * (gathering inputs along edges, readiness of successors, a final record) and the one run's start and
 * end are spread over 1,000 iterations instead of 1,000 nodes. The loop waits {@code intervalMs} 0:
 * the engine then queues the next iteration at once and the same worker runs it next, as it runs a
 * chain's next node; any other interval goes through the timer and would measure its wake-up rather
 * than the engine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LoopBenchmark extends EngineBenchmark {
    public static final int ITERATIONS = 1000;

    @Param({"times", "until"})
    public String loop;

    @Override
    protected PipelineDefinition pipeline() {
        return PipelineShapes.loop(loop.equals("until"), ITERATIONS);
    }

    @Benchmark
    public ExecutionRecord loopOf1000() {
        return rig.run(plan);
    }
}
