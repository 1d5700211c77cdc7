package io.gantry.engine.core.internal.validation;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The compiled plan of each stored pipeline version, kept so that running a version again skips
 * validation and compilation. A version is immutable, so its plan stays right as long as the
 * functions and devices it was validated against stay the same:
 * <ul>
 * <li>a plugin change drops exactly the plans that call a function whose live descriptor is no longer
 * the one the plan was compiled with (updated, removed or shadowed) — see {@link #dropStale()};</li>
 * <li>a hit re-checks the device type of every device the plan uses (a few map look-ups), so a device
 * deleted or re-created with another type is noticed synchronously, without waiting for an event.</li>
 * </ul>
 * Inline (unsaved) pipelines have no version and are never cached.
 *
 * <p>Public (in a private package) only so that {@code bench/} can measure what a hit saves.
 */
public final class PlanCache {
    /** Far more versions than a cell runs; a bound only so a misbehaving client cannot grow it forever. */
    static final int MAX_ENTRIES = 1024;

    private record Key(String pipelineId, int version) {}

    private record Entry(ExecutionPlan plan, Map<String, String> deviceTypes) {}

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Function<String, Optional<FunctionDescriptor>> liveFunctions;
    private final Function<String, Optional<String>> deviceTypes;
    private final Function<PipelineDefinition, ExecutionPlan> compiler;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong invalidations = new AtomicLong();

    /**
     * @param liveFunctions function id to the descriptor live now
     * @param deviceTypes   device id to its type now
     * @param compiler      validates and compiles a definition (throws when invalid)
     */
    public PlanCache(
            Function<String, Optional<FunctionDescriptor>> liveFunctions,
            Function<String, Optional<String>> deviceTypes,
            Function<PipelineDefinition, ExecutionPlan> compiler) {
        this.liveFunctions = liveFunctions;
        this.deviceTypes = deviceTypes;
        this.compiler = compiler;
    }

    /**
     * @param stored a stored pipeline version
     * @return its plan, cached or freshly compiled
     * @throws io.gantry.engine.api.error.PipelineValidationException when it does not validate now
     */
    public ExecutionPlan planOf(PipelineVersion stored) {
        Key key = new Key(stored.id(), stored.version());
        Entry cached = entries.get(key);
        if (cached != null && devicesUnchanged(cached)) {
            hits.incrementAndGet();
            return cached.plan();
        }
        if (cached != null && entries.remove(key, cached)) {
            invalidations.incrementAndGet();
        }
        misses.incrementAndGet();
        // a plugin change while compiling may make this plan stale before it is stored: keep it then
        // only for this run
        long before = generation.get();
        ExecutionPlan plan = compiler.apply(stored.definition());
        // a plan that calls other pipelines pinned their versions as they were now: compiled per run
        if (generation.get() == before && !plan.callsPipelines()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(plan, deviceTypesOf(plan)));
        }
        return plan;
    }

    /** Drops the plans calling a function whose live descriptor changed; called on every plugin change. */
    void dropStale() {
        generation.incrementAndGet();
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            if (!functionsUnchanged(it.next().plan())) {
                it.remove();
                invalidations.incrementAndGet();
            }
        }
    }

    /** @return plans reused */
    long hits() {
        return hits.get();
    }

    /** @return plans compiled for a stored version (first run or after invalidation) */
    long misses() {
        return misses.get();
    }

    /** @return plans dropped because a function or device they use changed */
    long invalidations() {
        return invalidations.get();
    }

    /** @return plans kept now */
    int size() {
        return entries.size();
    }

    private boolean functionsUnchanged(ExecutionPlan plan) {
        for (PlanNode node : plan.nodes()) {
            // identity: the registry reads a plugin's descriptor once, so a new object means a new service
            if (liveFunctions.apply(node.functionId()).orElse(null) != node.function()) {
                return false;
            }
        }
        return true;
    }

    private boolean devicesUnchanged(Entry entry) {
        for (Map.Entry<String, String> device : entry.deviceTypes().entrySet()) {
            if (!Objects.equals(deviceTypes.apply(device.getKey()).orElse(null), device.getValue())) {
                return false;
            }
        }
        return true;
    }

    private Map<String, String> deviceTypesOf(ExecutionPlan plan) {
        Map<String, String> types = new HashMap<>();
        for (PlanNode node : plan.nodes()) {
            if (node.deviceId() != null) {
                types.put(node.deviceId(), deviceTypes.apply(node.deviceId()).orElse(null));
            }
        }
        return Map.copyOf(types);
    }
}
