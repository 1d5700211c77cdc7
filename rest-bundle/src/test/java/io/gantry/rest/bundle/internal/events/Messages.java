package io.gantry.rest.bundle.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.osgi.service.event.Event;

/** Builds events and reads messages back in tests. */
final class Messages {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Messages() {}

    static Event event(String topic, Map<String, ?> properties) {
        return new Event(topic, properties);
    }

    static EventDraft draft(EventJson json, String topic, String pipelineId, String executionId) {
        return json.draft(event(
                topic,
                pipelineId == null
                        ? Map.of("executionId", executionId)
                        : Map.of("pipelineId", pipelineId, "executionId", executionId)));
    }

    /** Publishes one draft {@code count} times: converting is not what the callers test. */
    static void publish(EventJournal journal, EventJson json, int count) {
        EventDraft draft = draft(json, "gantry/node/COMPLETED", "p1", "e1");
        for (int i = 0; i < count; i++) {
            journal.publish(draft);
        }
    }

    /** @return from, from + 1, ..., to */
    static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the seq of each message, -1 for messages without one (the gap notice) */
    static List<Long> seqs(List<String> messages) {
        return messages.stream()
                .map(Messages::parse)
                .map(node -> node.path("seq").asLong(-1))
                .toList();
    }
}
