package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.core.internal.device.DeviceLocks;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.resilience.DeviceGuard;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs execution plans, many at once, sharing one bound on nodes in flight and one lock per device.
 * Never blocks a thread on a function, a device or a slot.
 */
public final class ExecutionEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);

    private final EngineContext context;
    private final ConcurrentMap<String, ExecutionHandle> running = new ConcurrentHashMap<>();

    /**
     * @param config    limits and defaults
     * @param resolver  finds each node's live function and device when it starts
     * @param listener  hears every run's events, in causal order per run
     * @param executor  runs node starts and retries; functions should return quickly (they are async)
     * @param scheduler fires timeouts and retry delays; only tiny tasks run on it (a
     *     {@code ScheduledThreadPoolExecutor} with {@code setRemoveOnCancelPolicy(true)} keeps
     *     cancelled timeouts from piling up)
     * @param clock     time source for records and deadlines
     */
    public ExecutionEngine(
            EngineConfig config,
            NodeResolver resolver,
            ExecutionListener listener,
            Executor executor,
            ScheduledExecutorService scheduler,
            Clock clock) {
        this(config, resolver, DeviceGuard.NONE, listener, executor, scheduler, clock);
    }

    /**
     * As {@link #ExecutionEngine(EngineConfig, NodeResolver, ExecutionListener, Executor,
     * ScheduledExecutorService, Clock)}, with a guard that may refuse device calls (circuit breakers).
     *
     * @param guard consulted before and after every call of a node on a device
     */
    public ExecutionEngine(
            EngineConfig config,
            NodeResolver resolver,
            DeviceGuard guard,
            ExecutionListener listener,
            Executor executor,
            ScheduledExecutorService scheduler,
            Clock clock) {
        this(
                config,
                resolver,
                guard,
                new DeviceLocks(config.maxQueuedPerDevice()),
                listener,
                executor,
                scheduler,
                clock);
    }

    /**
     * As {@link #ExecutionEngine(EngineConfig, NodeResolver, DeviceGuard, ExecutionListener, Executor,
     * ScheduledExecutorService, Clock)}, taking turns on the devices with others (the signal polls).
     *
     * @param deviceLocks the controller's turns on each device
     */
    public ExecutionEngine(
            EngineConfig config,
            NodeResolver resolver,
            DeviceGuard guard,
            DeviceLocks deviceLocks,
            ExecutionListener listener,
            Executor executor,
            ScheduledExecutorService scheduler,
            Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(executor, "executor");
        this.context = new EngineContext(
                config,
                Objects.requireNonNull(resolver, "resolver"),
                Objects.requireNonNull(listener, "listener"),
                executor,
                Objects.requireNonNull(scheduler, "scheduler"),
                Objects.requireNonNull(clock, "clock"),
                new SlotDispatcher(executor, config.maxNodesInFlight()),
                Objects.requireNonNull(deviceLocks, "deviceLocks"),
                Objects.requireNonNull(guard, "guard"));
    }

    /**
     * Starts a run with a fresh random id and no known starter; see
     * {@link #start(String, ExecutionPlan, int, Map, String)}.
     */
    public ExecutionHandle start(ExecutionPlan plan, int pipelineVersion, Map<String, Object> inputs) {
        return start(UUID.randomUUID().toString(), plan, pipelineVersion, inputs, null);
    }

    /**
     * @param executionId     the new run's id
     * @param plan            what to run
     * @param pipelineVersion the version the plan was compiled from, 0 for an inline pipeline
     * @param inputs          values for input ports without edges, keyed {@code nodeId.port}
     * @param startedBy       who starts it, as every record of the run names it; null when not known
     * @return the started run
     * @throws io.gantry.engine.api.error.PipelineValidationException when an input names no free port or
     *     has the wrong type
     * @throws ConflictException when a run with this id is still going
     */
    public ExecutionHandle start(
            String executionId, ExecutionPlan plan, int pipelineVersion, Map<String, Object> inputs, String startedBy) {
        return start(executionId, plan, pipelineVersion, inputs, startedBy, null);
    }

    /**
     * Starts a run, as a sub-pipeline run of a {@code core.call} node when {@code parent} is given.
     *
     * @param parent the calling node; null for a direct run
     * @see #start(String, ExecutionPlan, int, Map, String)
     */
    public ExecutionHandle start(
            String executionId,
            ExecutionPlan plan,
            int pipelineVersion,
            Map<String, Object> inputs,
            String startedBy,
            ParentLink parent) {
        RunInputs placed = RunInputs.place(plan, inputs == null ? Map.of() : inputs);
        ExecutionRef ref = new ExecutionRef(
                executionId,
                plan.pipelineId(),
                pipelineVersion,
                startedBy,
                placed.declared(),
                parent == null ? null : parent.executionId(),
                parent == null ? null : parent.nodeId(),
                parent == null ? 0 : parent.depth() + 1);
        ExecutionRun run = new ExecutionRun(
                context,
                plan,
                ref,
                placed.perNode(),
                ended -> running.remove(ended.ref().executionId()));
        ExecutionHandle handle = new ExecutionHandle(run);
        if (running.putIfAbsent(executionId, handle) != null) {
            throw new ConflictException("execution '" + executionId + "' is already running");
        }
        LOG.debug(
                "starting execution {} of pipeline {} v{} ({} nodes)",
                executionId,
                plan.pipelineId(),
                pipelineVersion,
                plan.nodeCount());
        run.start();
        return handle;
    }

    /** @return true when the run was going and is now stopping, false when unknown or already ended */
    public boolean cancel(String executionId) {
        ExecutionHandle handle = running.get(executionId);
        return handle != null && handle.cancel();
    }

    public Optional<ExecutionHandle> running(String executionId) {
        return Optional.ofNullable(running.get(executionId));
    }

    public Collection<ExecutionHandle> running() {
        return List.copyOf(running.values());
    }

    /** @return true when a running execution has a node on this device (to refuse editing it) */
    public boolean usesDevice(String deviceId) {
        return running.values().stream()
                .flatMap(handle -> handle.plan().nodes().stream())
                .anyMatch(node -> deviceId.equals(node.deviceId()));
    }
}
