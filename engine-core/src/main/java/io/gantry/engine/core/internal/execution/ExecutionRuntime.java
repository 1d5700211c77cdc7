package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.health.HealthCheck;
import io.gantry.engine.api.health.HealthStatus;
import io.gantry.engine.api.pipeline.RetrySpec;
import io.gantry.engine.api.storage.ExecutionRepository;
import io.gantry.engine.api.storage.PipelineRepository;
import io.gantry.engine.core.internal.device.DeviceLocks;
import io.gantry.engine.core.internal.device.DeviceManager;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.health.HealthPart;
import io.gantry.engine.core.internal.plan.CallTarget;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.plan.SignalFunctions;
import io.gantry.engine.core.internal.registry.InFlightCalls;
import io.gantry.engine.core.internal.registry.PluginRegistry;
import io.gantry.engine.core.internal.resilience.DeviceBreakers;
import io.gantry.engine.core.internal.resilience.DeviceGuard;
import io.gantry.engine.core.internal.signal.DeviceSignals;
import io.gantry.engine.core.internal.signal.ReadSignalFunction;
import io.gantry.engine.core.internal.signal.WaitSignalFunction;
import io.gantry.engine.core.internal.signal.WriteSignalFunction;
import io.gantry.engine.core.internal.validation.LiveValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The running engine: its threads, its resolver over the live registries, and its listeners — the
 * event bus and the execution journal. Starts plans and reports on runs; the use cases decide what
 * to start.
 */
@Component(service = {ExecutionRuntime.class, HealthCheck.class})
@HealthPart("scheduler")
@Designate(ocd = ExecutionRuntimeConfiguration.class)
public final class ExecutionRuntime implements HealthCheck {
    private final ExecutorService workers;
    private final ScheduledThreadPoolExecutor timers;
    private final ExecutionJournal journal;
    private final JournalingListener journaling;
    private final ExecutionEngine engine;
    private final int maxNodesInFlight;
    private final ExecutionRepository executions;

    /**
     * @param config     limits and defaults
     * @param registry   live functions
     * @param devices    live devices
     * @param events     the event bus
     * @param executions where records are stored
     * @param inFlight   counts calls per plugin, for safe updates
     * @param breakers   the devices' circuit breakers, asked before every device call
     * @param validator  plans the pipelines that {@code core.call} nodes run
     * @param pipelines  the stored pipelines, for {@code core.call}
     * @param locks      the turns on each device, shared with the signal polls
     * @param signals    the devices' signals, for the signal functions
     */
    @Activate
    public ExecutionRuntime(
            ExecutionRuntimeConfiguration config,
            @Reference PluginRegistry registry,
            @Reference DeviceManager devices,
            @Reference EventPublisher events,
            @Reference ExecutionRepository executions,
            @Reference InFlightCalls inFlight,
            @Reference DeviceBreakers breakers,
            @Reference LiveValidator validator,
            @Reference PipelineRepository pipelines,
            @Reference DeviceLocks locks,
            @Reference DeviceSignals signals) {
        this(
                config,
                (Function<ExecutionRuntime, NodeResolver>) runtime -> new BuiltinNodeResolver(
                        new RegistryNodeResolver(registry, devices, inFlight),
                        Map.of(
                                CallTarget.FUNCTION_ID,
                                new CallFunction(new RuntimeSubPipelineRuns(runtime, validator, pipelines)),
                                SignalFunctions.READ,
                                new ReadSignalFunction(signals),
                                SignalFunctions.WRITE,
                                new WriteSignalFunction(signals),
                                SignalFunctions.WAIT,
                                new WaitSignalFunction(signals))),
                breakers,
                locks,
                events,
                executions,
                Clock.systemUTC());
    }

    /** The runtime over any resolver and guard: what tests fake. */
    ExecutionRuntime(
            ExecutionRuntimeConfiguration config,
            NodeResolver resolver,
            DeviceGuard guard,
            EventPublisher events,
            ExecutionRepository executions,
            Clock clock) {
        this(
                config,
                (Function<ExecutionRuntime, NodeResolver>) runtime -> resolver,
                guard,
                new DeviceLocks(config.maxQueuedPerDevice()),
                events,
                executions,
                clock);
    }

    /**
     * @param resolvers makes the resolver; given this runtime, which {@code core.call} starts runs on
     *                  (it is used only once nodes run, after construction)
     */
    ExecutionRuntime(
            ExecutionRuntimeConfiguration config,
            Function<ExecutionRuntime, NodeResolver> resolvers,
            DeviceGuard guard,
            DeviceLocks locks,
            EventPublisher events,
            ExecutionRepository executions,
            Clock clock) {
        NodeResolver resolver = resolvers.apply(this);
        this.executions = executions;
        int threads = config.workerThreads() > 0
                ? config.workerThreads()
                : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        this.workers = Executors.newFixedThreadPool(threads, named("gantry-engine"));
        this.timers = new ScheduledThreadPoolExecutor(1, named("gantry-engine-timer"));
        timers.setRemoveOnCancelPolicy(true);
        this.maxNodesInFlight = config.maxNodesInFlight();
        this.journal = new ExecutionJournal(executions);
        ExecutionEngine[] self = new ExecutionEngine[1];
        this.journaling = new JournalingListener(journal, () -> self[0]);
        RetrySpec defaultRetry = config.defaultMaxAttempts() <= 1
                ? RetrySpec.NONE
                : new RetrySpec(config.defaultMaxAttempts(), config.defaultBackoffMs(), 2, 0, 0.1);
        this.engine = new ExecutionEngine(
                new EngineConfig(
                        config.maxNodesInFlight(),
                        config.defaultTimeoutMs(),
                        defaultRetry,
                        config.maxQueuedPerDevice()),
                resolver,
                guard,
                locks,
                // the journal first: a run's end is readable (GET) before its end event goes out
                new CompositeListener(journaling, new EventingListener(events)),
                workers,
                timers,
                clock);
        self[0] = engine;
    }

    @Deactivate
    void stop() throws InterruptedException {
        engine.running().forEach(ExecutionHandle::cancel);
        workers.shutdown();
        workers.awaitTermination(5, TimeUnit.SECONDS);
        timers.shutdownNow();
        journal.close();
    }

    /**
     * Starts a plan and returns once its first record is on disk: a run the client was told about
     * survives a power cut as a record.
     *
     * @param plan            a validated plan
     * @param pipelineVersion its version, 0 for an inline pipeline
     * @param inputs          run inputs keyed {@code nodeId.port}
     * @param startedBy       who starts it ({@link io.gantry.engine.api.security.Identity#who()}); null
     *                        when not known
     * @return the run's first record
     */
    public ExecutionRecord start(
            ExecutionPlan plan, int pipelineVersion, Map<String, Object> inputs, String startedBy) {
        return start(plan, pipelineVersion, inputs, startedBy, null);
    }

    /**
     * Starts a plan, as the sub-pipeline run of a {@code core.call} node when {@code parent} is given;
     * see {@link #start(ExecutionPlan, int, Map, String)}.
     */
    ExecutionRecord start(
            ExecutionPlan plan, int pipelineVersion, Map<String, Object> inputs, String startedBy, ParentLink parent) {
        String id = UUID.randomUUID().toString();
        journaling.track(id);
        ExecutionHandle handle;
        try {
            handle = engine.start(id, plan, pipelineVersion, inputs, startedBy, parent);
        } catch (RuntimeException e) {
            journaling.forget(id);
            throw e;
        }
        ExecutionRecord first = journaling.storedStart(id).join();
        // null only if the run ended before its start was announced, which the engine never does
        return first != null ? first : handle.snapshot();
    }

    /** @return the stored record of a run */
    Optional<ExecutionRecord> stored(String executionId) {
        return executions.find(executionId);
    }

    /** @return which run it is, while it goes */
    Optional<ExecutionRef> runningRef(String executionId) {
        return engine.running(executionId).map(ExecutionHandle::ref);
    }

    /** @return the live record of a run still going */
    public Optional<ExecutionRecord> live(String executionId) {
        return engine.running(executionId)
                .map(ExecutionHandle::snapshot)
                .or(() -> journaling.endedNotStored(executionId));
    }

    /**
     * @param executionId a run
     * @return completes with its final record once stored; empty when the run is not tracked (ended earlier)
     */
    public Optional<CompletableFuture<ExecutionRecord>> storedEnd(String executionId) {
        return journaling.storedEnd(executionId);
    }

    /** @return true when the run was going and is now stopping */
    public boolean cancel(String executionId) {
        return engine.cancel(executionId);
    }

    /** @return true when a running execution has a node on this device */
    public boolean usesDevice(String deviceId) {
        return engine.usesDevice(deviceId);
    }

    /** Waits for a run's stored end; used by {@code ?wait=true}. */
    public ExecutionRecord awaitStoredEnd(String executionId, Duration timeout) {
        CompletableFuture<ExecutionRecord> end = storedEnd(executionId)
                .orElseThrow(() -> new NotFoundException("execution '" + executionId + "' is not running"));
        return awaitStoredEnd(executionId, end, timeout);
    }

    /**
     * Waits for a run's stored end already taken from {@link #storedEnd}: a second look could find the
     * run ended and forgotten in between.
     *
     * @param executionId the run
     * @param end         its stored end
     * @param timeout     how long to wait
     * @return its final record, or its live one when the wait timed out
     */
    public ExecutionRecord awaitStoredEnd(
            String executionId, CompletableFuture<ExecutionRecord> end, Duration timeout) {
        try {
            return end.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return live(executionId).orElseGet(() -> end.getNow(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for execution '" + executionId + "'", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Sends a no-op through a worker thread and then the timer thread, the two kinds every run needs.
     *
     * @return completes once both ran it; exceptionally when either refuses work (stopped)
     */
    CompletableFuture<Void> roundTrip() {
        try {
            return CompletableFuture.runAsync(() -> {}, workers).thenRunAsync(() -> {}, timers);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String part() {
        return "scheduler";
    }

    @Override
    public HealthStatus check() {
        if (workers.isShutdown()) {
            return HealthStatus.down("the engine's threads are stopped");
        }
        return HealthStatus.up(Map.of(
                "runningExecutions",
                engine.running().size(),
                "queuedNodeStarts",
                ((ThreadPoolExecutor) workers).getQueue().size(),
                "maxNodesInFlight",
                maxNodesInFlight,
                "journalBacklog",
                journal.backlog()));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
