package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.service.ExecutionQuery;
import io.gantry.engine.api.storage.ExecutionRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Execution records in a map, written by the journal's thread and read by the test's. */
final class InMemoryExecutions implements ExecutionRepository {
    final Map<String, ExecutionRecord> records = new ConcurrentHashMap<>();

    @Override
    public void insert(ExecutionRecord record) {
        records.put(record.id(), record);
    }

    @Override
    public void update(ExecutionRecord record) {
        records.put(record.id(), record);
    }

    @Override
    public Optional<ExecutionRecord> find(String id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public List<ExecutionRecord> list(ExecutionQuery query) {
        return List.copyOf(records.values());
    }

    @Override
    public int markInterrupted(String reason) {
        return 0;
    }

    @Override
    public int prune(int keepNewest, Duration maxAge) {
        return 0;
    }
}
