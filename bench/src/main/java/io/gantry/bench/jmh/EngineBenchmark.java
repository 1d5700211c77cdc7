package io.gantry.bench.jmh;

import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every engine benchmark shares: one engine per trial and the plan of its pipeline, compiled
 * once. Two forks of five one-second iterations after three of warm-up keep the whole JMH part to a
 * couple of minutes on two cores; {@code bench/run --quick} shortens them from the command line.
 */
@State(Scope.Benchmark)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public abstract class EngineBenchmark {
    protected EngineRig rig;
    protected ExecutionPlan plan;

    /** @return the pipeline this benchmark runs or validates */
    protected abstract PipelineDefinition pipeline();

    @Setup(Level.Trial)
    public void startEngine() {
        rig = new EngineRig();
        plan = rig.compile(pipeline());
    }

    @TearDown(Level.Trial)
    public void stopEngine() {
        rig.close();
    }
}
