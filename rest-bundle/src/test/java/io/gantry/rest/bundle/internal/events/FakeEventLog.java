package io.gantry.rest.bundle.internal.events;

import io.gantry.engine.api.event.EventLog;
import io.gantry.engine.api.event.LoggedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An event log in memory with the contract of the controller's (epochs in start order, events in seq
 * order within each): the journal's replay logic under test, without engine-core's SQLite.
 */
final class FakeEventLog implements EventLog {
    private final List<LoggedEvent> events = new ArrayList<>();
    private final List<String> epochs = new ArrayList<>();
    private String current;
    private int reads;

    /** Starts a new epoch; the last one started is the current one. */
    FakeEventLog start(String epoch) {
        epochs.add(epoch);
        current = epoch;
        return this;
    }

    /** Logs events {@code from..to} of an epoch, of one pipeline and execution. */
    FakeEventLog log(String epoch, long from, long to, String pipelineId, String executionId) {
        for (long seq = from; seq <= to; seq++) {
            events.add(new LoggedEvent(
                    epoch, seq, "gantry/node/COMPLETED", properties(epoch, seq, pipelineId, executionId)));
        }
        return this;
    }

    static Map<String, Object> properties(String epoch, long seq, String pipelineId, String executionId) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("timestamp", "2026-01-01T00:00:00Z");
        properties.put("pipelineId", pipelineId);
        properties.put("executionId", executionId);
        properties.put("epoch", epoch);
        properties.put("seq", seq);
        return properties;
    }

    /** @return how many times the journal read the log */
    int reads() {
        return reads;
    }

    @Override
    public String epoch() {
        return current;
    }

    @Override
    public long lastSeq() {
        return events.stream()
                .filter(e -> e.epoch().equals(current))
                .mapToLong(LoggedEvent::seq)
                .max()
                .orElse(0);
    }

    @Override
    public boolean knows(String epoch) {
        return epoch.equals(current) || events.stream().anyMatch(e -> e.epoch().equals(epoch));
    }

    @Override
    public Optional<LoggedEvent> oldest() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(0));
    }

    @Override
    public List<LoggedEvent> after(String epoch, long afterSeq, int max) {
        reads++;
        int epochIndex = epochs.indexOf(epoch);
        if (epochIndex < 0) {
            return List.of();
        }
        return events.stream()
                .filter(e ->
                        epochs.indexOf(e.epoch()) > epochIndex || (e.epoch().equals(epoch) && e.seq() > afterSeq))
                .limit(max)
                .toList();
    }
}
