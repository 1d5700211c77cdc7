package io.gantry.rest.bundle.internal.testing;

import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.execution.NodeRecord;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.service.ExecutionQuery;
import io.gantry.engine.api.service.ExecutionService;
import io.gantry.engine.api.service.PipelineService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Executions that run only when awaited: started RUNNING, SUCCEEDED once someone awaits them. */
public final class InMemoryExecutionService implements ExecutionService {
    private final PipelineService pipelines;
    private final Map<String, ExecutionRecord> records = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** The last query given to list. */
    public volatile ExecutionQuery lastQuery;

    /** @param pipelines where stored pipelines are looked up */
    public InMemoryExecutionService(PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    public ExecutionRecord start(String pipelineId, Integer version, Map<String, Object> inputs, String startedBy) {
        var stored = version == null ? pipelines.latest(pipelineId) : pipelines.version(pipelineId, version);
        return started(pipelineId, stored.version(), stored.definition());
    }

    @Override
    public ExecutionRecord startInline(PipelineDefinition definition, Map<String, Object> inputs, String startedBy) {
        pipelines.validate(definition);
        return started(null, 0, definition);
    }

    private ExecutionRecord started(String pipelineId, int version, PipelineDefinition definition) {
        Map<String, NodeRecord> nodes = new LinkedHashMap<>();
        for (NodeDefinition node : definition.nodes()) {
            nodes.put(node.id(), NodeRecord.pending(node.function()));
        }
        ExecutionRecord record = new ExecutionRecord(
                "e" + ids.incrementAndGet(),
                pipelineId,
                version,
                ExecutionStatus.RUNNING,
                Instant.now(),
                null,
                null,
                0,
                nodes.size(),
                nodes,
                null);
        records.put(record.id(), record);
        return record;
    }

    @Override
    public ExecutionRecord get(String executionId) {
        ExecutionRecord record = records.get(executionId);
        if (record == null) {
            throw new NotFoundException("no execution '" + executionId + "'");
        }
        return record;
    }

    @Override
    public ExecutionRecord await(String executionId, Duration timeout) {
        return records.compute(executionId, (id, r) -> r.status().isFinal() ? r : ended(r, ExecutionStatus.SUCCEEDED));
    }

    @Override
    public List<ExecutionRecord> list(ExecutionQuery query) {
        lastQuery = query;
        List<ExecutionRecord> all = new ArrayList<>(records.values());
        all.sort((a, b) -> b.startedAt().compareTo(a.startedAt()));
        return all.stream().limit(query.limit()).toList();
    }

    @Override
    public ExecutionRecord cancel(String executionId) {
        ExecutionRecord record = get(executionId);
        if (record.status().isFinal()) {
            throw new ConflictException("execution '" + executionId + "' already ended");
        }
        return records.compute(executionId, (id, r) -> ended(r, ExecutionStatus.CANCELLED));
    }

    private static ExecutionRecord ended(ExecutionRecord r, ExecutionStatus status) {
        return new ExecutionRecord(
                r.id(),
                r.pipelineId(),
                r.pipelineVersion(),
                status,
                r.startedAt(),
                Instant.now(),
                5L,
                r.total(),
                r.total(),
                r.nodes(),
                null);
    }
}
