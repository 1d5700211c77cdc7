package io.gantry.bench.jmh;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall time of a run whose {@code branches} independent branches each wait 50 ms on a timer. Run in
 * parallel, 4 branches should take as long as 1 (the aim: within 2%); run one after another they
 * would take 200 ms. Each iteration holds about 20 runs, so the score is their mean.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class ParallelBranchesBenchmark extends EngineBenchmark {
    public static final long DELAY_MS = 50;

    @Param({"1", "4"})
    public int branches;

    @Override
    protected PipelineDefinition pipeline() {
        return PipelineShapes.fan(branches, BenchFunctions.DELAY);
    }

    @Benchmark
    public ExecutionRecord branchesOf50ms() {
        return rig.run(plan);
    }
}
