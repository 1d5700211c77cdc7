package io.gantry.rest.bundle.internal.events;

import static io.gantry.rest.bundle.internal.events.Messages.event;
import static io.gantry.rest.bundle.internal.events.Messages.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07.123Z");
    private final EventJson json = new EventJson(() -> NOW);

    private JsonNode message(Map<String, ?> properties) {
        return parse(json.draft(event("gantry/node/COMPLETED", properties))
                .numbered(7)
                .json());
    }

    @Test
    void startsWithSeqTopicAndTimestamp() {
        EventDraft draft = json.draft(event("gantry/node/COMPLETED", Map.of("nodeId", "n1")));

        assertThat(draft.numbered(7).json())
                .isEqualTo(
                        "{\"seq\":7,\"topic\":\"gantry/node/COMPLETED\",\"timestamp\":\"2026-03-04T05:06:07.123Z\",\"nodeId\":\"n1\"}");
    }

    @Test
    void keepsTheIdsForFiltering() {
        EventDraft draft = json.draft(event("gantry/node/COMPLETED", Map.of("pipelineId", "p1", "executionId", "e1")));

        assertThat(draft.pipelineId()).isEqualTo("p1");
        assertThat(draft.executionId()).isEqualTo("e1");
    }

    @Test
    void writesTimesAsIsoUtcStrings() {
        JsonNode message = message(Map.of(
                "startedAt", Instant.parse("2026-01-02T03:04:05Z"),
                "endedAt", Date.from(Instant.parse("2026-01-02T03:04:06Z"))));

        assertThat(message.get("startedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(message.get("endedAt").asText()).isEqualTo("2026-01-02T03:04:06Z");
    }

    @Test
    void takesTheTimestampFromTheEventInAnyOfItsForms() {
        assertThat(message(Map.of("timestamp", 0L)).get("timestamp").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(message(Map.of("timestamp", Instant.parse("2026-01-02T03:04:05Z")))
                        .get("timestamp")
                        .asText())
                .isEqualTo("2026-01-02T03:04:05Z");
        assertThat(message(Map.of("timestamp", "2026-01-02T03:04:05Z"))
                        .get("timestamp")
                        .asText())
                .isEqualTo("2026-01-02T03:04:05Z");
    }

    @Test
    void writesMapsListsArraysAndScalarsAsJson() {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("position", 12.5);
        outputs.put("ok", true);
        outputs.put("tags", List.of("a", "b"));
        outputs.put("missing", null);
        JsonNode message = message(Map.of(
                "outputs",
                outputs,
                "attempt",
                2,
                "durationMs",
                1500L,
                "codes",
                new int[] {1, 2},
                "state",
                Thread.State.RUNNABLE,
                "other",
                new StringBuilder("as text")));

        assertThat(message.get("outputs").get("position").asDouble()).isEqualTo(12.5);
        assertThat(message.get("outputs").get("ok").asBoolean()).isTrue();
        assertThat(message.get("outputs").get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(message.get("outputs").get("missing").isNull()).isTrue();
        assertThat(message.get("attempt").asInt()).isEqualTo(2);
        assertThat(message.get("durationMs").asLong()).isEqualTo(1500L);
        assertThat(message.get("codes").toString()).isEqualTo("[1,2]");
        assertThat(message.get("state").asText()).isEqualTo("RUNNABLE");
        assertThat(message.get("other").asText()).isEqualTo("as text");
    }

    @Test
    void leavesOutEventAdminKeysAndCannotBeToldAnotherSeqOrTopic() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("seq", 99);
        properties.put("topic", "elsewhere");
        properties.put("nodeId", "n1");
        JsonNode message = message(properties);

        assertThat(message.has("event.topics")).isFalse();
        assertThat(message.get("seq").asLong()).isEqualTo(7);
        assertThat(message.get("topic").asText()).isEqualTo("gantry/node/COMPLETED");
        assertThat(message.get("nodeId").asText()).isEqualTo("n1");
    }
}
