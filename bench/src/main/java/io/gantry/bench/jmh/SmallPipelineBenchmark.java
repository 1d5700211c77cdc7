package io.gantry.bench.jmh;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * A 10-node chain run back to back, one run at a time: the most executions per second the engine
 * alone allows for the pipeline the REST benchmark runs, before HTTP and JSON take their share.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SmallPipelineBenchmark extends EngineBenchmark {
    public static final int NODES = 10;

    @Override
    protected PipelineDefinition pipeline() {
        return PipelineShapes.chain(NODES);
    }

    @Benchmark
    public ExecutionRecord tenNodesBackToBack() {
        return rig.run(plan);
    }
}
