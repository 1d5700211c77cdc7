package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.execution.ExecutionRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The final records of the runs whose end was stored last, kept in memory for a short while. A short
 * run is usually over, and its end committed, before the client that started it asks to wait for it
 * ({@code ?wait=true} waits for the first record's commit, which often carries the end as well);
 * without these the wait would read back from the database what the controller held a moment ago.
 */
final class RecentEnds {
    private final Map<String, ExecutionRecord> ends;

    /** @param capacity how many of the newest ends are kept */
    RecentEnds(int capacity) {
        this.ends = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ExecutionRecord> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @param end a final record now on disk (or whose write failed and was logged) */
    synchronized void stored(ExecutionRecord end) {
        ends.put(end.id(), end);
    }

    /** @return the final record of a run whose end was stored recently */
    synchronized Optional<ExecutionRecord> find(String executionId) {
        return Optional.ofNullable(ends.get(executionId));
    }
}
