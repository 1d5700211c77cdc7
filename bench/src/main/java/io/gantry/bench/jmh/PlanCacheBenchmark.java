package io.gantry.bench.jmh;

import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.validation.PlanCache;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * What the plan cache saves each run of a stored 100-node pipeline: validating and compiling it
 * again against the live functions, against a cache hit (which re-checks only device types).
 * Moved here from a unit test that timed it with nanoTime and printed to stdout.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlanCacheBenchmark extends EngineBenchmark {
    public static final int NODES = 100;

    private PipelineDefinition definition;
    private PipelineVersion stored;
    private PlanCache cache;

    @Override
    protected PipelineDefinition pipeline() {
        definition = PipelineShapes.chain(NODES);
        stored = new PipelineVersion(definition.id(), 1, Instant.EPOCH, definition);
        // called by the trial's setup once the rig exists: fill the cache here rather than in a second
        // @Setup, whose order against the base class's would be JMH's to choose
        cache = rig.planCache();
        cache.planOf(stored);
        return definition;
    }

    @Benchmark
    public ExecutionPlan validate100Nodes() {
        return rig.compile(definition);
    }

    @Benchmark
    public ExecutionPlan cacheHit100Nodes() {
        return cache.planOf(stored);
    }
}
