package io.gantry.bench.jmh;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.core.internal.execution.EngineConfig;
import io.gantry.engine.core.internal.execution.ExecutionEngine;
import io.gantry.engine.core.internal.execution.ExecutionListener;
import io.gantry.engine.core.internal.execution.NodeResolver;
import io.gantry.engine.core.internal.execution.ResolvedNode;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.schema.ParamsSchemaChecker;
import io.gantry.engine.core.internal.validation.PipelineValidator;
import io.gantry.engine.core.internal.validation.PlanCache;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * The engine as the controller wires it (default config, a worker pool the size of the machine, one
 * timer thread), minus OSGi: functions are looked up in a fixed map, no listener posts events.
 */
final class EngineRig implements AutoCloseable {
    private final ExecutorService workers =
            Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), daemons("bench-worker"));
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemons("bench-timer"));
    private final Map<String, PipelineFunction> functions;
    private final PipelineValidator validator;
    private final ExecutionEngine engine;

    EngineRig() {
        // cancelled node timeouts would otherwise pile up in the timer's queue over millions of nodes
        timer.setRemoveOnCancelPolicy(true);
        functions = Map.of(
                BenchFunctions.PASS, BenchFunctions.pass(),
                BenchFunctions.GATHER, BenchFunctions.gather(),
                BenchFunctions.FLAG, BenchFunctions.flag(),
                BenchFunctions.COUNTDOWN, BenchFunctions.countdown(LoopBenchmark.ITERATIONS),
                BenchFunctions.DELAY, BenchFunctions.delay(timer, ParallelBranchesBenchmark.DELAY_MS));
        Function<String, Optional<String>> noDevices = device -> Optional.empty();
        validator = new PipelineValidator(
                id -> Optional.ofNullable(functions.get(id)).map(PipelineFunction::descriptor),
                noDevices,
                ParamsSchemaChecker.ACCEPT_ALL);
        NodeResolver resolver = node -> new ResolvedNode(functions.get(node.functionId()), "bench", "1.0.0", null);
        engine = new ExecutionEngine(
                EngineConfig.DEFAULTS, resolver, ExecutionListener.NONE, workers, timer, Clock.systemUTC());
    }

    ExecutionPlan compile(PipelineDefinition definition) {
        return validator.validate(definition);
    }

    /** @return a plan cache over the same functions and validator, as the controller's validator keeps one */
    PlanCache planCache() {
        return new PlanCache(
                id -> Optional.ofNullable(functions.get(id)).map(PipelineFunction::descriptor),
                device -> Optional.empty(),
                validator::validate);
    }

    /** Runs the plan to its end; a failed run throws, so a broken benchmark cannot report a fast time. */
    ExecutionRecord run(ExecutionPlan plan) {
        ExecutionRecord record = engine.start(plan, 1, Map.of()).completion().join();
        if (record.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException(
                    "run of " + plan.pipelineId() + " ended " + record.status() + ": " + record.error());
        }
        return record;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory daemons(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
