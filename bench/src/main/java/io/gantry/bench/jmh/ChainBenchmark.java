package io.gantry.bench.jmh;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * A 1,000-node chain of no-op functions: every node waits for the one before, so nothing overlaps
 * and the time per run divided by 1,000 is the engine's cost per node (the summary does the division).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChainBenchmark extends EngineBenchmark {
    public static final int NODES = 1000;

    @Override
    protected PipelineDefinition pipeline() {
        return PipelineShapes.chain(NODES);
    }

    @Benchmark
    public ExecutionRecord chainOf1000() {
        return rig.run(plan);
    }
}
