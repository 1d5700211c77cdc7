package io.gantry.rest.bundle.internal.testing;

import io.gantry.engine.api.error.CircularDependencyException;
import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.error.PreconditionFailedException;
import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.pipeline.EdgeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineSummary;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.api.pipeline.PortRef;
import io.gantry.engine.api.service.PipelineService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A pipeline store in a map; validates only cycles, which is what the REST tests need. */
public final class InMemoryPipelineService implements PipelineService {
    private final Map<String, List<PipelineVersion>> store = new TreeMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** Every id a call received, so tests can prove bad ids never arrive. */
    public final List<String> idsSeen = new ArrayList<>();

    @Override
    public synchronized PipelineVersion create(PipelineDefinition definition) {
        validate(definition);
        String id = definition.id() == null ? "p" + ids.incrementAndGet() : definition.id();
        if (store.containsKey(id)) {
            throw new ConflictException("pipeline '" + id + "' exists");
        }
        PipelineVersion first = new PipelineVersion(id, 1, Instant.now(), definition.withId(id));
        store.put(id, new ArrayList<>(List.of(first)));
        return first;
    }

    @Override
    public synchronized PipelineVersion update(String id, PipelineDefinition definition, Integer expectedVersion) {
        PipelineVersion latest = latest(id);
        if (expectedVersion != null && expectedVersion != latest.version()) {
            throw new PreconditionFailedException(
                    "pipeline '" + id + "' is at version " + latest.version() + ", not " + expectedVersion);
        }
        validate(definition);
        PipelineVersion next = new PipelineVersion(id, latest.version() + 1, Instant.now(), definition.withId(id));
        store.get(id).add(next);
        return next;
    }

    @Override
    public synchronized PipelineVersion latest(String id) {
        List<PipelineVersion> versions = versions(id);
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized PipelineVersion version(String id, int version) {
        return versions(id).stream()
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("pipeline '" + id + "' has no version " + version));
    }

    @Override
    public synchronized List<PipelineVersion> versions(String id) {
        idsSeen.add(id);
        List<PipelineVersion> versions = store.get(id);
        if (versions == null) {
            throw new NotFoundException("no pipeline '" + id + "'");
        }
        return List.copyOf(versions);
    }

    @Override
    public synchronized List<PipelineSummary> list() {
        return store.values().stream()
                .map(v -> v.get(v.size() - 1))
                .map(v -> new PipelineSummary(v.id(), v.definition().name(), v.version(), v.savedAt(), true))
                .toList();
    }

    @Override
    public synchronized void delete(String id) {
        idsSeen.add(id);
        if (store.remove(id) == null) {
            throw new NotFoundException("no pipeline '" + id + "'");
        }
    }

    @Override
    public void validate(PipelineDefinition definition) {
        Map<String, List<String>> next = new HashMap<>();
        for (EdgeDefinition edge : definition.edges()) {
            next.computeIfAbsent(PortRef.parse(edge.from()).nodeId(), k -> new ArrayList<>())
                    .add(PortRef.parse(edge.to()).nodeId());
        }
        for (String start : next.keySet()) {
            List<String> cycle = cycleFrom(start, next, new ArrayList<>(List.of(start)));
            if (cycle != null) {
                throw new CircularDependencyException(cycle, List.of(new Problem("edges", "cycle", "cycle")));
            }
        }
    }

    private static List<String> cycleFrom(String node, Map<String, List<String>> next, List<String> path) {
        for (String successor : next.getOrDefault(node, List.of())) {
            if (successor.equals(path.get(0))) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(successor);
                return cycle;
            }
            if (!path.contains(successor)) {
                path.add(successor);
                List<String> found = cycleFrom(successor, next, path);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }
}
