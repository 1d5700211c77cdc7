package io.gantry.bench.jmh;

import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Validating a 1,000-node chain and compiling it into a plan: what saving or changing a large
 * pipeline costs before any of it runs (cycle search, port and type checks, topological order).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidationBenchmark extends EngineBenchmark {
    public static final int NODES = 1000;

    private PipelineDefinition definition;

    @Override
    protected PipelineDefinition pipeline() {
        definition = PipelineShapes.chain(NODES);
        return definition;
    }

    @Benchmark
    public ExecutionPlan validate1000Nodes() {
        return rig.compile(definition);
    }
}
