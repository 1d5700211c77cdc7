package io.gantry.bench.jmh;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * One source, 1,000 no-ops that all depend only on it, one sink that waits for all of them
 * (1,002 nodes): the cost of starting many ready nodes at once and of joining them again.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FanOutBenchmark extends EngineBenchmark {
    public static final int WIDTH = 1000;
    public static final int NODES = WIDTH + 2;

    @Override
    protected PipelineDefinition pipeline() {
        return PipelineShapes.fan(WIDTH, BenchFunctions.PASS);
    }

    @Benchmark
    public ExecutionRecord fanOutOf1000() {
        return rig.run(plan);
    }
}
