package io.gantry.mqtt.bridge.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.LoggedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON beside the Sparkplug namespace: {@code gantry/<groupId>/<edgeNodeId>/events/<topic after
 * gantry/>}, each message one event with the fields of the WebSocket stream (topic, timestamp, epoch,
 * seq, then its properties by name).
 */
final class EventMessages {
    /** The notice of events skipped, under the events prefix. */
    static final String DROPPED = "stream/DROPPED";

    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final String prefix;

    /** @param settings whose group and node name the topics */
    EventMessages(BridgeSettings settings) {
        this.prefix = "gantry/" + settings.groupId() + "/" + settings.edgeNodeId() + "/events/";
    }

    /**
     * @param gantryTopic an event's topic, {@code gantry/…}
     * @return the MQTT topic it is published on
     */
    String topic(String gantryTopic) {
        return prefix + gantryTopic.substring("gantry/".length());
    }

    /** @return the topic of the drop notices */
    String droppedTopic() {
        return prefix + DROPPED;
    }

    /**
     * @param event       an event from the log
     * @param redelivered whether it may have reached the broker already (sent, not acknowledged, before
     *                    the link dropped)
     * @return its message
     */
    byte[] event(LoggedEvent event, boolean redelivered) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("topic", event.topic());
        fields.put(EventProperties.TIMESTAMP, event.properties().get(EventProperties.TIMESTAMP));
        fields.put(EventProperties.EPOCH, event.epoch());
        fields.put(EventProperties.SEQ, event.seq());
        List<String> names = new ArrayList<>(event.properties().keySet());
        names.sort(null);
        for (String name : names) {
            if (!fields.containsKey(name) && !name.equals("topic")) {
                fields.put(name, event.properties().get(name));
            }
        }
        if (redelivered) {
            fields.put("redelivered", true);
        }
        return write(fields);
    }

    /**
     * @param reason  {@code backlog} (more than maxBacklog behind) or {@code epoch-unknown} (the log no
     *                longer holds the cursor's epoch)
     * @param from    the last event published before the skip
     * @param to      the event the stream goes on after
     * @param dropped how many events were skipped
     * @param exact   whether that is the number, or only at least it (the rest of an earlier epoch is not
     *                counted)
     * @param at      when
     * @return the notice
     */
    byte[] dropped(String reason, Cursor from, Cursor to, long dropped, boolean exact, Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("topic", "gantry/" + DROPPED);
        fields.put(EventProperties.TIMESTAMP, at.toString());
        fields.put("reason", reason);
        fields.put(EventProperties.DROPPED, dropped);
        fields.put("exact", exact);
        fields.put("fromEpoch", from.epoch());
        fields.put("fromSeq", from.seq());
        fields.put("toEpoch", to.epoch());
        fields.put("toSeq", to.seq());
        return write(fields);
    }

    private byte[] write(Map<String, Object> fields) {
        try {
            return mapper.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event fields " + fields.keySet(), e);
        }
    }
}
