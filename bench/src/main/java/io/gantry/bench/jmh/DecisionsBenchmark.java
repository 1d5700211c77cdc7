package io.gantry.bench.jmh;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * 333 decisions in a row ({@link PipelineShapes#decisions}, 1,000 nodes): each step waits for the
 * previous decision, runs the node whose {@code when} holds and skips the one whose condition is
 * false together with what follows it. Time per run ÷ 1,000 is the engine's cost per node with
 * conditions and skips, to compare with {@link ChainBenchmark}'s plain data flow.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionsBenchmark extends EngineBenchmark {
    public static final int STEPS = 333;

    @Override
    protected PipelineDefinition pipeline() {
        return PipelineShapes.decisions(STEPS);
    }

    @Benchmark
    public ExecutionRecord decisionsOf333() {
        return rig.run(plan);
    }
}
